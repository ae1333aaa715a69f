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

  verify(mediaId: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(mediaId));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(mediaId: string): string {
    return createHmac('sha256', this.signingKey).update(mediaId).digest('base64url');
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(storageKey)) throw new Error('invalid storage key');
    return join(this.root, storageKey);
  }
}
