import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import type { MediaItem } from './media-item';
import { MediaStore } from './media-store';
import { imageSize } from './media-type';
import { receiveUpload, type ReceivedUpload } from './media-upload';
import type { MediaView } from './media-views';

const MEDIA = { id: 'Media', en: 'Media' };
@Injectable()
export class MediaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: MediaStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Streams a raw upload to disk (see media-upload.ts), then records it. */
  async upload(access: WorkspaceAccess, req: IncomingMessage, altText: string | null) {
    const id = randomUUID();
    const storageKey = `${access.workspaceId}/${id}`;
    const file = await this.store.openUpload(storageKey);
    let received: ReceivedUpload;
    try {
      received = await receiveUpload(req, file, { IMAGE: this.config.MEDIA_MAX_IMAGE_MB, VIDEO: this.config.MEDIA_MAX_VIDEO_MB });
      // Bytes first: a row never points at a missing file (an orphan file is harmless).
      await file.commit();
    } catch (error) {
      await file.discard();
      throw error;
    }
    const { detected, byteSize, sha256 } = received;
    const size = detected.kind === 'IMAGE' ? imageSize(received.head, detected.mimeType) : null;
    return this.prisma.$transaction(async (tx) => {
      const media = await tx.mediaAsset.create({
        data: {
          id,
          workspaceId: access.workspaceId,
          uploadedById: access.userId,
          kind: detected.kind,
          mimeType: detected.mimeType,
          byteSize,
          width: size?.width,
          height: size?.height,
          altText,
          storageKey,
          sha256,
        },
      });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'media.uploaded',
        subjectType: 'media',
        subjectId: id,
        summary: { mimeType: detected.mimeType, byteSize },
      });
      return this.present(media);
    });
  }

  async list(access: WorkspaceAccess, before?: string, limit = 50) {
    const rows = await this.prisma.mediaAsset.findMany({
      where: { workspaceId: access.workspaceId, id: before ? { lt: before } : undefined },
      orderBy: { id: 'desc' },
      take: limit,
    });
    return rows.map((row) => this.present(row));
  }

  async setAltText(access: WorkspaceAccess, mediaId: string, altText: string | null) {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.mediaAsset.updateMany({ where: { id: mediaId, workspaceId: access.workspaceId }, data: { altText } });
      if (count === 0) throw AppError.notFound(MEDIA);
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'media.alt_text_changed', subjectType: 'media', subjectId: mediaId });
      return this.present(await tx.mediaAsset.findUniqueOrThrow({ where: { id: mediaId } }));
    });
  }

  /** Bytes behind a signed URL: a platform's (no expiry) or a browser's preview (until expiresAt). */
  async publicBytes(mediaId: string, signature: string) {
    const signed = this.store.verify(mediaId, signature);
    if (!signed) throw AppError.notFound(MEDIA);
    const media = await this.prisma.mediaAsset.findUnique({ where: { id: mediaId } });
    if (!media) throw AppError.notFound(MEDIA);
    return { mimeType: media.mimeType, bytes: await this.store.read(media.storageKey), expiresAt: signed.expiresAt };
  }

  /** A media item as the API shows it, with a short-lived preview URL for thumbnails. */
  private present(media: { id: string; kind: string; mimeType: string; byteSize: number; width: number | null; height: number | null; altText: string | null; createdAt: Date }): MediaView {
    const { id, kind, mimeType, byteSize, width, height, altText, createdAt } = media;
    const preview = this.store.previewUrl(id);
    return { id, kind, mimeType, byteSize, width, height, altText, createdAt, previewUrl: preview.url, previewExpiresAt: preview.expiresAt };
  }

  /** A post's media, in order, as publishers take them. */
  async itemsForPost(workspaceId: string, postId: string): Promise<MediaItem[]> {
    const rows = await this.prisma.postMedia.findMany({ where: { postId, post: { workspaceId } }, include: { media: true }, orderBy: { position: 'asc' } });
    return rows.map(({ media }) => ({
      id: media.id,
      kind: media.kind,
      mimeType: media.mimeType,
      byteSize: media.byteSize,
      altText: media.altText,
      publicUrl: this.store.publicUrl(media.id),
      read: () => this.store.read(media.storageKey),
    }));
  }
}
