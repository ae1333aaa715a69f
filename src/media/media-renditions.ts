import { Injectable, Logger } from '@nestjs/common';
import type { MediaAsset } from '../core/database';
import { planFit } from './media-fit';
import type { MediaItem } from './media-item';
import type { MediaDestination, MediaLimits } from './media-limits';
import { fitImage, oneImageAtATime } from './image-processing';
import { MediaUrls, type MediaVariant } from './media-urls';
import { MediaRepository } from './media.repository';
import { MediaStorage } from './storage/media-storage';

type Bytes = Pick<MediaItem, 'mimeType' | 'byteSize' | 'width' | 'height' | 'publicUrl' | 'read'>;

/**
 * The media a platform receives: the original when it fits the publisher's declared limits, else a
 * rendition fitted to them, made once per platform and kept (MediaRendition). The original is never
 * changed.
 */
@Injectable()
export class MediaRenditions {
  private readonly logger = new Logger(MediaRenditions.name);

  constructor(
    private readonly media: MediaRepository,
    private readonly storage: MediaStorage,
    private readonly urls: MediaUrls,
  ) {}

  async forPlatform(media: MediaAsset, publisher: MediaDestination | null): Promise<MediaItem> {
    const base = { id: media.id, kind: media.kind, altText: media.altText };
    const limits = publisher?.limits.media;
    if (!publisher || !limits || planFit(publisher.platform, media, limits).kind !== 'rendition')
      return { ...base, ...this.original(media) };
    try {
      return { ...base, ...(await this.rendition(media, publisher.platform, limits)) };
    } catch (error) {
      // The platform's own answer to the original is a better outcome than none: it is recorded.
      this.logger.warn({
        msg: 'rendition failed, sending the original',
        mediaId: media.id,
        platform: publisher.platform,
        error: String(error),
      });
      return { ...base, ...this.original(media) };
    }
  }

  private original(media: MediaAsset): Bytes {
    const { mimeType, byteSize, width, height, storageKey } = media;
    return {
      mimeType,
      byteSize,
      width,
      height,
      publicUrl: this.urls.publicUrl(media.id),
      read: () => this.storage.read(storageKey),
    };
  }

  private async rendition(
    media: MediaAsset,
    platform: MediaDestination['platform'],
    limits: MediaLimits,
  ): Promise<Bytes> {
    const variant: MediaVariant = `rendition-${platform.toLowerCase()}`;
    let row = await this.media.findRendition(media.id, platform);
    if (!row) {
      const source = await this.storage.read(media.storageKey);
      const target = {
        formats: limits.imageFormats,
        maxBytes: limits.maxImageBytes,
        maxEdge: limits.maxImageEdge,
        maxPixels: limits.maxImagePixels,
      };
      const fitted = await oneImageAtATime(() => fitImage(source, media.mimeType, target));
      if (!fitted) throw new Error('the image cannot be fitted under the byte limit');
      const storageKey = `${media.storageKey}.${variant}`;
      await this.storage.put(storageKey, fitted.bytes);
      const data = {
        mediaId: media.id,
        platform,
        storageKey,
        mimeType: fitted.mimeType,
        byteSize: fitted.bytes.length,
        width: fitted.width,
        height: fitted.height,
      };
      row = await this.media.saveRendition(data);
    }
    const { mimeType, byteSize, width, height, storageKey } = row;
    return {
      mimeType,
      byteSize,
      width,
      height,
      publicUrl: this.urls.publicUrl(media.id, variant),
      read: () => this.storage.read(storageKey),
    };
  }
}
