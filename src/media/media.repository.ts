import { Injectable } from '@nestjs/common';
import {
  type DeliveryState,
  type MediaAsset,
  type Platform,
  PrismaService,
  type Prisma,
  type Tx,
} from '../core/database';

/** The media library's rows: assets, their renditions per platform, and the posts that use them. */
@Injectable()
export class MediaRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of the library, newest first, matching `where` (which the caller builds from the query). */
  find(
    workspaceId: string,
    where: Omit<Prisma.MediaAssetWhereInput, 'workspaceId'>,
    limit: number,
  ): Promise<MediaAsset[]> {
    return this.prisma.mediaAsset.findMany({ where: { ...where, workspaceId }, orderBy: { id: 'desc' }, take: limit });
  }

  /** The posts (with their campaign) that hold each of `mediaIds`, newest post first. */
  postsUsing(workspaceId: string, mediaIds: string[]) {
    return this.prisma.postMedia.findMany({
      where: { mediaId: { in: mediaIds }, post: { workspaceId } },
      select: {
        mediaId: true,
        post: { select: { id: true, status: true, scheduledAt: true, campaign: { select: { id: true, name: true } } } },
      },
      orderBy: { postId: 'desc' },
    });
  }

  create(
    tx: Tx,
    workspaceId: string,
    data: Omit<Prisma.MediaAssetUncheckedCreateInput, 'workspaceId'>,
  ): Promise<MediaAsset> {
    return tx.mediaAsset.create({ data: { ...data, workspaceId } });
  }

  /** Changes the alt text or tags; false when the workspace has no such media. */
  async updateDetails(
    tx: Tx,
    workspaceId: string,
    mediaId: string,
    data: { altText?: string | null; tags?: string[] },
  ): Promise<boolean> {
    const { count } = await tx.mediaAsset.updateMany({ where: { id: mediaId, workspaceId }, data });
    return count > 0;
  }

  findById(tx: Tx, workspaceId: string, mediaId: string): Promise<MediaAsset> {
    return tx.mediaAsset.findFirstOrThrow({ where: { id: mediaId, workspaceId } });
  }

  /**
   * Locks the media row for the rest of the transaction; false when the workspace has none such.
   * Raw SQL because Prisma has no SELECT ... FOR UPDATE: with the row locked, a post cannot be
   * approved with this media between the caller's check and its delete.
   */
  async lock(tx: Tx, workspaceId: string, mediaId: string): Promise<boolean> {
    const rows = await tx.$queryRaw<
      Array<{ id: string }>
    >`SELECT id FROM "MediaAsset" WHERE id = ${mediaId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return rows.length > 0;
  }

  /** Approved posts using the media that still have a delivery not in `finished`. */
  countApprovedPostsUsing(tx: Tx, workspaceId: string, mediaId: string, finished: DeliveryState[]): Promise<number> {
    return tx.post.count({
      where: {
        workspaceId,
        status: 'APPROVED',
        media: { some: { mediaId } },
        targets: { some: { state: { notIn: finished } } },
      },
    });
  }

  /** Deletes the media and its attachments to posts; returns the deleted row with its renditions' keys. */
  async delete(tx: Tx, workspaceId: string, mediaId: string) {
    const row = await tx.mediaAsset.findFirstOrThrow({
      where: { id: mediaId, workspaceId },
      include: { renditions: { select: { storageKey: true } } },
    });
    await tx.postMedia.deleteMany({ where: { mediaId } });
    await tx.mediaAsset.delete({ where: { id: mediaId } });
    return row;
  }

  /**
   * A media item and its renditions by id alone: the caller holds a signed URL for it (media-urls.ts),
   * which names no workspace.
   */
  findSigned(mediaId: string) {
    return this.prisma.mediaAsset.findUnique({ where: { id: mediaId }, include: { renditions: true } });
  }

  /** A post's media, in order. */
  mediaOfPost(workspaceId: string, postId: string) {
    return this.prisma.postMedia.findMany({
      where: { postId, post: { workspaceId } },
      include: { media: true },
      orderBy: { position: 'asc' },
    });
  }

  /** The rendition of a media item made for a platform, if one was made (the media id scopes it). */
  findRendition(mediaId: string, platform: Platform) {
    return this.prisma.mediaRendition.findUnique({ where: { mediaId_platform: { mediaId, platform } } });
  }

  /** Keeps a rendition; two workers fitting the same image at once make the same bytes: the first row wins. */
  saveRendition(data: Prisma.MediaRenditionUncheckedCreateInput & { platform: Platform }) {
    return this.prisma.mediaRendition.upsert({
      where: { mediaId_platform: { mediaId: data.mediaId, platform: data.platform } },
      create: data,
      update: {},
    });
  }
}
