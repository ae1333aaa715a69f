import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import type { MediaItem } from './media-item';
import { oneImageAtATime, scaledCopy, stripImage } from './image-processing';
import { receiveUpload } from './media-upload';
import { MediaStorage } from './storage/media-storage';
import { openSpool } from './storage/spool';
import { videoDurationMs } from './video-duration';

const INGEST_TEXT = {
  unreadable: {
    id: 'Gambar tidak dapat dibaca (rusak atau terlalu banyak piksel). Simpan ulang sebagai JPEG atau PNG lalu unggah lagi.',
    en: 'The image cannot be read (damaged, or too many pixels). Save it again as JPEG or PNG and upload it again.',
  },
};

/** Long side of the library's copies, in pixels. */
const THUMBNAIL_EDGE = 320;
const PREVIEW_EDGE = 1280;

/** What an upload became in storage, ready to be recorded. */
export interface StoredUpload extends Pick<MediaItem, 'id' | 'kind' | 'mimeType' | 'byteSize' | 'width' | 'height'> {
  sha256: string;
  durationMs: number | null;
  storageKey: string;
  thumbnailKey: string | null;
  previewKey: string | null;
  metadataStripped: boolean;
}

/**
 * Receives an upload into a private spool file (bounded memory), then stores it: an image only after
 * its metadata is stripped (see stripImage), with a thumbnail and a preview; a video as it came.
 */
@Injectable()
export class MediaIngest {
  constructor(
    private readonly storage: MediaStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async ingest(workspaceId: string, req: IncomingMessage): Promise<StoredUpload> {
    const id = randomUUID();
    const storageKey = `${workspaceId}/${id}`;
    const spool = await openSpool();
    try {
      const received = await receiveUpload(req, spool, {
        IMAGE: this.config.MEDIA_MAX_IMAGE_MB,
        VIDEO: this.config.MEDIA_MAX_VIDEO_MB,
      });
      await spool.close();
      const { detected } = received;
      if (detected.kind === 'VIDEO') {
        // Container metadata (MP4/MOV atoms) is kept: no well-kept pure library rewrites it (docs/media.md).
        await this.storage.put(storageKey, { path: spool.path, size: received.byteSize });
        const durationMs = await videoDurationMs(spool.path).catch(() => null);
        const base = {
          id,
          kind: detected.kind,
          mimeType: detected.mimeType,
          byteSize: received.byteSize,
          sha256: received.sha256,
          durationMs,
          storageKey,
        };
        return { ...base, width: null, height: null, thumbnailKey: null, previewKey: null, metadataStripped: false };
      }
      const processed = await oneImageAtATime(async () => {
        const stripped = await stripImage(spool.path, detected.mimeType);
        return (
          stripped && {
            image: stripped,
            thumbnail: await scaledCopy(stripped.bytes, THUMBNAIL_EDGE),
            preview: await scaledCopy(stripped.bytes, PREVIEW_EDGE),
          }
        );
      });
      if (!processed) throw new AppError(415, 'unreadable_image', INGEST_TEXT.unreadable);
      const { image } = processed;
      const copies = { thumbnailKey: `${storageKey}.thumbnail`, previewKey: `${storageKey}.preview` };
      await this.storeAll([
        [storageKey, image.bytes],
        [copies.thumbnailKey, processed.thumbnail],
        [copies.previewKey, processed.preview],
      ]);
      const sha256 = createHash('sha256').update(image.bytes).digest('hex');
      return {
        id,
        kind: 'IMAGE',
        mimeType: image.mimeType,
        byteSize: image.bytes.length,
        width: image.width,
        height: image.height,
        sha256,
        durationMs: null,
        storageKey,
        ...copies,
        metadataStripped: true,
      };
    } finally {
      await spool.discard();
    }
  }

  /** Removes what an upload stored, when recording it failed (an orphan object would be harmless but wasteful). */
  async forget(stored: Pick<StoredUpload, 'storageKey' | 'thumbnailKey' | 'previewKey'>): Promise<void> {
    for (const key of [stored.storageKey, stored.thumbnailKey, stored.previewKey])
      if (key) await this.storage.delete(key).catch(() => undefined);
  }

  private async storeAll(objects: Array<[string, Buffer]>): Promise<void> {
    try {
      for (const [key, bytes] of objects) await this.storage.put(key, bytes);
    } catch (error) {
      for (const [key] of objects) await this.storage.delete(key).catch(() => undefined);
      throw error;
    }
  }
}
