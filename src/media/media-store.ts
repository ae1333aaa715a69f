import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';

export interface UploadFile {
  write(chunk: Buffer): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

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

  /**
   * A file being received chunk by chunk (an upload streamed from the request): written beside its
   * final place and moved there by `commit`, so a half-received upload is never visible.
   */
  async openUpload(storageKey: string): Promise<UploadFile> {
    const path = this.pathOf(storageKey);
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    const handle = await open(temporary, 'wx');
    let closed = false;
    const close = async () => {
      if (!closed) await handle.close();
      closed = true;
    };
    return {
      write: async (chunk) => void (await handle.write(chunk)),
      commit: async () => {
        await close();
        await rename(temporary, path);
      },
      discard: async () => {
        await close().catch(() => undefined);
        await unlink(temporary).catch(() => undefined);
      },
    };
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
