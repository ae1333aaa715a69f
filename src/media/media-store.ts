import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';

/**
 * Media bytes on local disk (a volume in Docker), addressed by workspace and id. Platforms that
 * fetch media by URL (Instagram, Threads, Facebook) get a signed public URL that cannot be guessed.
 */
@Injectable()
export class MediaStore {
  private readonly root: string;
  private readonly signingKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.root = resolve(config.MEDIA_DIR);
    // A key of its own, derived from the newest credential key, so URL signatures reveal nothing of it.
    this.signingKey = createHmac('sha256', config.CREDENTIAL_KEYS[0]!.key).update('gaung/media-url/v1').digest();
  }

  async save(storageKey: string, bytes: Buffer): Promise<{ sha256: string }> {
    const path = this.pathOf(storageKey);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, path);
    return { sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  read(storageKey: string): Promise<Buffer> {
    return readFile(this.pathOf(storageKey));
  }

  publicUrl(mediaId: string): string {
    return `${this.config.PUBLIC_BASE_URL}/media/${mediaId}/${this.signature(mediaId)}`;
  }

  /**
   * A short-lived URL for people's browsers (the composer's thumbnails), signed for the media and
   * its expiry ("<unix seconds>.<signature>"). The expiry is rounded to whole TTL periods, so the
   * same URL comes back for a while and browsers can cache it: it lives between one and two
   * MEDIA_PREVIEW_TTL_SECONDS.
   */
  previewUrl(mediaId: string, now = Date.now()): { url: string; expiresAt: Date } {
    const ttl = this.config.MEDIA_PREVIEW_TTL_SECONDS;
    const expires = (Math.floor(now / 1000 / ttl) + 2) * ttl;
    return { url: `${this.config.PUBLIC_BASE_URL}/media/${mediaId}/${expires}.${this.signature(`${mediaId}|preview|${expires}`)}`, expiresAt: new Date(expires * 1000) };
  }

  /** Checks a public or preview signature: null when it is wrong or expired, else its expiry (null: none). */
  verify(mediaId: string, signature: string, now = Date.now()): { expiresAt: Date | null } | null {
    const preview = /^(\d{1,12})\.([A-Za-z0-9_-]+)$/.exec(signature);
    if (!preview) return sameText(this.signature(mediaId), signature) ? { expiresAt: null } : null;
    const expires = Number(preview[1]);
    if (expires * 1000 <= now || !sameText(this.signature(`${mediaId}|preview|${expires}`), preview[2]!)) return null;
    return { expiresAt: new Date(expires * 1000) };
  }

  private signature(subject: string): string {
    return createHmac('sha256', this.signingKey).update(subject).digest('base64url');
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('invalid storage key');
    return join(this.root, storageKey);
  }
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
