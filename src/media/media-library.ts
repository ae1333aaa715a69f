import { Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { type DeliveryState, type MediaAsset, PrismaService, type Prisma } from '../core/database';
import { AppError } from '../core/errors';
import { MediaRepository } from './media.repository';
import { MediaStorage } from './storage/media-storage';

export const MEDIA_TEXT = {
  media: { id: 'Media', en: 'Media' },
  inUse: {
    id: 'Media ini dipakai oleh {count} postingan yang sudah disetujui atau dijadwalkan. Lepaskan dari postingan itu (atau batalkan postingannya) sebelum menghapus.',
    en: 'This media is used by {count} approved or scheduled post(s). Remove it from those posts (or cancel them) before deleting it.',
  },
};

/** A delivery in one of these states is over: its post no longer needs the media. */
const FINISHED: DeliveryState[] = ['PUBLISHED', 'CANCELLED', 'EXPIRED'];

export interface MediaUse {
  postId: string;
  status: string;
  scheduledAt: Date | null;
  campaignId: string | null;
  campaignName: string | null;
}

export interface LibraryQuery {
  before?: string;
  limit: number;
  /** Words found in the alt text or a tag (case-insensitive). */
  q?: string;
  tag?: string;
}

/** The library's look-ups and its one destructive act, for one workspace (rows in MediaRepository). */
@Injectable()
export class MediaLibrary {
  constructor(
    private readonly prisma: PrismaService,
    private readonly media: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly audit: AuditService,
  ) {}

  async find(workspaceId: string, query: LibraryQuery): Promise<MediaAsset[]> {
    const text = query.q?.trim();
    const where: Prisma.MediaAssetWhereInput = {
      id: query.before ? { lt: query.before } : undefined,
      tags: query.tag ? { has: normaliseTag(query.tag) } : undefined,
      OR: text
        ? [{ altText: { contains: text, mode: 'insensitive' } }, { tags: { has: normaliseTag(text) } }]
        : undefined,
    };
    return this.media.find(workspaceId, where, query.limit);
  }

  /** Which posts (and their campaigns) use each media item. */
  async usesOf(workspaceId: string, mediaIds: string[]): Promise<Map<string, MediaUse[]>> {
    const rows = await this.media.postsUsing(workspaceId, mediaIds);
    const uses = new Map<string, MediaUse[]>();
    for (const { mediaId, post } of rows) {
      const list = uses.get(mediaId) ?? [];
      // A post may hold the same media twice; it is used once.
      if (!list.some((use) => use.postId === post.id))
        list.push({
          postId: post.id,
          status: post.status,
          scheduledAt: post.scheduledAt,
          campaignId: post.campaign?.id ?? null,
          campaignName: post.campaign?.name ?? null,
        });
      uses.set(mediaId, list);
    }
    return uses;
  }

  async updateDetails(
    access: WorkspaceAccess,
    mediaId: string,
    changes: { altText?: string | null; tags?: string[] },
  ): Promise<MediaAsset> {
    return this.prisma.$transaction(async (tx) => {
      const data = {
        altText: changes.altText,
        tags: changes.tags ? [...new Set(changes.tags.map(normaliseTag))] : undefined,
      };
      const updated = await this.media.updateDetails(tx, access.workspaceId, mediaId, data);
      if (!updated) throw AppError.notFound(MEDIA_TEXT.media);
      const action = changes.altText !== undefined ? 'media.alt_text_changed' : 'media.tags_changed';
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action,
        subjectType: 'media',
        subjectId: mediaId,
      });
      return this.media.findById(tx, access.workspaceId, mediaId);
    });
  }

  /**
   * Deletes a media item and its copies, refused (409) while an approved post that may still publish
   * uses it. Drafts and finished posts that used it lose the attachment.
   */
  async delete(access: WorkspaceAccess, mediaId: string): Promise<void> {
    const keys = await this.prisma.$transaction(async (tx) => {
      // Locks the row: a post cannot be approved with this media between the check and the delete.
      if (!(await this.media.lock(tx, access.workspaceId, mediaId))) throw AppError.notFound(MEDIA_TEXT.media);
      const blocking = await this.media.countApprovedPostsUsing(tx, access.workspaceId, mediaId, FINISHED);
      if (blocking > 0) throw AppError.conflict('media_in_use', MEDIA_TEXT.inUse, { count: blocking });
      const row = await this.media.delete(tx, access.workspaceId, mediaId);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'media.deleted',
        subjectType: 'media',
        subjectId: mediaId,
        summary: { mimeType: row.mimeType, byteSize: row.byteSize },
      });
      return [row.storageKey, row.thumbnailKey, row.previewKey, ...row.renditions.map((r) => r.storageKey)].filter(
        (key): key is string => key !== null,
      );
    });
    // Bytes after the row: a row never points at missing bytes; a leftover object is only wasted space.
    for (const key of keys) await this.storage.delete(key).catch(() => undefined);
  }
}

/** Tags compare without case or surrounding spaces: "Mogok " and "mogok" are one tag. */
function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase();
}
