import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';

/**
 * What a signed URL serves: the original (null), the library's WebP copies, or the copy fitted to
 * one platform ("rendition-bluesky").
 */
export type MediaVariant = null | 'thumbnail' | 'preview' | `rendition-${string}`;

export const VARIANT_PATTERN = /^(thumbnail|preview|rendition-[a-z]{1,20})$/;

/**
 * Signed URLs for media. Platforms that fetch media by URL (Instagram, Threads, Facebook) get one
 * that does not expire but cannot be guessed; people's browsers get short-lived ones.
 */
@Injectable()
export class MediaUrls {
  private readonly signingKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // A key of its own, derived from the newest credential key, so URL signatures reveal nothing of it.
    this.signingKey = createHmac('sha256', config.CREDENTIAL_KEYS[0]!.key).update('gaung/media-url/v1').digest();
  }

  /** The URL a platform fetches: no expiry. */
  publicUrl(mediaId: string, variant: MediaVariant = null): string {
    return `${this.config.PUBLIC_BASE_URL}/media/${mediaId}/${variant ? `${variant}/` : ''}${this.signature(subject(mediaId, variant))}`;
  }

  /**
   * A short-lived URL for people's browsers, signed for the media, the variant and its expiry
   * ("<unix seconds>.<signature>"). The expiry is rounded to whole TTL periods, so the same URL
   * comes back for a while and browsers can cache it: it lives between one and two
   * MEDIA_PREVIEW_TTL_SECONDS.
   */
  previewUrl(mediaId: string, now = Date.now(), variant: MediaVariant = null): { url: string; expiresAt: Date } {
    const ttl = this.config.MEDIA_PREVIEW_TTL_SECONDS;
    const expires = (Math.floor(now / 1000 / ttl) + 2) * ttl;
    const signature = this.signature(`${subject(mediaId, variant)}|${expires}`);
    return {
      url: `${this.config.PUBLIC_BASE_URL}/media/${mediaId}/${variant ? `${variant}/` : ''}${expires}.${signature}`,
      expiresAt: new Date(expires * 1000),
    };
  }

  /** Checks a public or preview signature: null when it is wrong or expired, else its expiry (null: none). */
  verify(
    mediaId: string,
    signature: string,
    now = Date.now(),
    variant: MediaVariant = null,
  ): { expiresAt: Date | null } | null {
    const preview = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/.exec(signature);
    if (!preview) return sameText(this.signature(subject(mediaId, variant)), signature) ? { expiresAt: null } : null;
    const expires = Number(preview[1]);
    if (expires * 1000 <= now || !sameText(this.signature(`${subject(mediaId, variant)}|${expires}`), preview[2]!))
      return null;
    return { expiresAt: new Date(expires * 1000) };
  }

  private signature(text: string): string {
    return createHmac('sha256', this.signingKey).update(text).digest('base64url');
  }
}

/** The original's public URLs keep their subject (platforms hold them); a variant's subject never equals another's. */
function subject(mediaId: string, variant: MediaVariant): string {
  return variant ? `${mediaId}|v:${variant}` : mediaId;
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
