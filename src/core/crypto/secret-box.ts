import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a secret is bound to: a ciphertext moved to another row or workspace fails to decrypt. */
export interface SecretBinding {
  workspaceId: string;
  /** The owning row, e.g. `account:<id>` or `webhook:<id>`. */
  subject: string;
}

export interface SealedSecret {
  keyId: string;
  ciphertext: Uint8Array<ArrayBuffer>;
}

export class SecretDecryptionError extends Error {
  constructor(reason: string) {
    super(`secret could not be decrypted: ${reason}`);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * AES-256-GCM for credentials at rest. Layout: iv (12) | tag (16) | ciphertext. The key id is stored
 * beside the ciphertext; the workspace and subject are additional authenticated data. Keys come from
 * config, newest first; older keys stay for decryption until rotation re-encrypts every row.
 */
@Injectable()
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  readonly currentKeyId: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keys = new Map(config.CREDENTIAL_KEYS.map(({ id, key }) => [id, key]));
    this.currentKeyId = config.CREDENTIAL_KEYS[0]!.id;
  }

  /** Every configured key id, newest first. */
  get keyIds(): string[] {
    return [...this.keys.keys()];
  }

  seal(plaintext: string, binding: SecretBinding): SealedSecret {
    return this.sealWith(this.currentKeyId, plaintext, binding);
  }

  /** Seals under one configured key, not necessarily the newest (the key check keeps a value per key). */
  sealWith(keyId: string, plaintext: string, binding: SecretBinding): SealedSecret {
    const key = this.keys.get(keyId);
    if (!key) throw new SecretDecryptionError(`unknown key id ${keyId}`);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(binding));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, cipher.getAuthTag(), body]);
    return { keyId, ciphertext: new Uint8Array(sealed) };
  }

  open(sealed: SealedSecret, binding: SecretBinding): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new SecretDecryptionError(`unknown key id ${sealed.keyId}`);
    const data = Buffer.from(sealed.ciphertext);
    if (data.length < IV_BYTES + TAG_BYTES) throw new SecretDecryptionError('ciphertext too short');
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(aad(binding));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError('authentication failed (wrong key or moved ciphertext)');
    }
  }

  /** Re-seals under the newest key; returns null when it already is. */
  reseal(sealed: SealedSecret, binding: SecretBinding): SealedSecret | null {
    if (sealed.keyId === this.currentKeyId) return null;
    return this.seal(this.open(sealed, binding), binding);
  }
}

function aad({ workspaceId, subject }: SecretBinding): Buffer {
  return Buffer.from(`gaung/v1/${workspaceId}/${subject}`, 'utf8');
}
