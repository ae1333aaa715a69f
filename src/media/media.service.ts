import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { type MediaAsset, PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import type { MediaItem } from './media-item';
import type { MediaDestination } from './media-limits';
import { MediaIngest } from './media-ingest';
import { MEDIA_TEXT, MediaLibrary, type LibraryQuery, type MediaUse } from './media-library';
import { MediaRenditions } from './media-renditions';
import { MediaRepository } from './media.repository';
import { MediaUrls, type MediaVariant } from './media-urls';
import type { MediaView } from './media-views';
import { MediaStorage } from './storage/media-storage';

@Injectable()
export class MediaService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly media: MediaRepository,
    private readonly ingest: MediaIngest,
    private readonly library: MediaLibrary,
    private readonly renditions: MediaRenditions,
    private readonly storage: MediaStorage,
    private readonly urls: MediaUrls,
    private readonly audit: AuditService,
  ) {}

  /** Streams a raw upload through a spool file into storage (see media-ingest.ts), then records it. */
  async upload(access: WorkspaceAccess, req: IncomingMessage, altText: string | null): Promise<MediaView> {
    const stored = await this.ingest.ingest(access.workspaceId, req);
    try {
      const media = await this.prisma.$transaction(async (tx) => {
        const created = await this.media.create(tx, access.workspaceId, {
          ...stored,
          uploadedById: access.userId,
          altText,
        });
        await this.audit.record(tx, {
          workspaceId: access.workspaceId,
          actor: accessActor(access),
          action: 'media.uploaded',
          subjectType: 'media',
          subjectId: stored.id,
          summary: { mimeType: stored.mimeType, byteSize: stored.byteSize, metadataStripped: stored.metadataStripped },
        });
        return created;
      });
      return this.present(media, []);
    } catch (error) {
      await this.ingest.forget(stored);
      throw error;
    }
  }

  async list(access: WorkspaceAccess, query: LibraryQuery): Promise<MediaView[]> {
    const rows = await this.library.find(access.workspaceId, query);
    const uses = await this.library.usesOf(
      access.workspaceId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => this.present(row, uses.get(row.id) ?? []));
  }

  async updateDetails(
    access: WorkspaceAccess,
    mediaId: string,
    changes: { altText?: string | null; tags?: string[] },
  ): Promise<MediaView> {
    const media = await this.library.updateDetails(access, mediaId, changes);
    const uses = await this.library.usesOf(access.workspaceId, [mediaId]);
    return this.present(media, uses.get(mediaId) ?? []);
  }

  delete(access: WorkspaceAccess, mediaId: string): Promise<void> {
    return this.library.delete(access, mediaId);
  }

  /** Bytes behind a signed URL: a platform's (no expiry) or a browser's (until expiresAt). */
  async publicBytes(mediaId: string, signature: string, variant: MediaVariant = null) {
    const signed = this.urls.verify(mediaId, signature, Date.now(), variant);
    if (!signed) throw AppError.notFound(MEDIA_TEXT.media);
    const media = await this.media.findSigned(mediaId);
    const source = media && sourceOf(media, variant);
    if (!source) throw AppError.notFound(MEDIA_TEXT.media);
    return { mimeType: source.mimeType, stream: await this.storage.stream(source.key), expiresAt: signed.expiresAt };
  }

  /** A media item as the API shows it, with short-lived signed URLs for the browser. */
  private present(media: MediaAsset, usedIn: MediaUse[]): MediaView {
    const { id, kind, mimeType, byteSize, width, height, durationMs, altText, tags, createdAt } = media;
    const now = Date.now();
    const original = this.urls.previewUrl(id, now);
    const preview = media.previewKey ? this.urls.previewUrl(id, now, 'preview').url : original.url;
    const thumbnailUrl = media.thumbnailKey ? this.urls.previewUrl(id, now, 'thumbnail').url : null;
    const metadata = media.metadataStripped ? 'STRIPPED' : kind === 'VIDEO' ? 'KEPT_VIDEO' : 'KEPT_OLDER_UPLOAD';
    return {
      id,
      kind,
      mimeType,
      byteSize,
      width,
      height,
      durationMs,
      altText,
      tags,
      metadata,
      usedIn,
      createdAt,
      originalUrl: original.url,
      previewUrl: preview,
      thumbnailUrl,
      previewExpiresAt: original.expiresAt,
    };
  }

  /** A post's media, in order, as the publisher of `platform` takes them (fitted to its limits). */
  async itemsForPost(
    workspaceId: string,
    postId: string,
    publisher: MediaDestination | null = null,
  ): Promise<MediaItem[]> {
    const rows = await this.media.mediaOfPost(workspaceId, postId);
    const items: MediaItem[] = [];
    for (const { media } of rows) items.push(await this.renditions.forPlatform(media, publisher));
    return items;
  }
}

type WithRenditions = MediaAsset & { renditions: Array<{ platform: string; storageKey: string; mimeType: string }> };

/** Which stored object a variant names; null when the media has none such. */
function sourceOf(media: WithRenditions, variant: MediaVariant): { key: string; mimeType: string } | null {
  if (variant === null) return { key: media.storageKey, mimeType: media.mimeType };
  if (variant === 'thumbnail') return media.thumbnailKey ? { key: media.thumbnailKey, mimeType: 'image/webp' } : null;
  if (variant === 'preview') return media.previewKey ? { key: media.previewKey, mimeType: 'image/webp' } : null;
  const rendition = media.renditions.find((r) => `rendition-${r.platform.toLowerCase()}` === variant);
  return rendition ? { key: rendition.storageKey, mimeType: rendition.mimeType } : null;
}
