import { Injectable } from '@nestjs/common';
import { SecretBox, type SealedSecret, type SecretBinding } from '../crypto';
import type { Tx } from '../database';
import { AccountCredentialsRepository } from './account-credentials.repository';

/** Enough of a ConnectedAccount row to find, seal and open its credentials. */
export interface AccountRef {
  id: string;
  workspaceId: string;
}

export interface StoredCredentials extends AccountRef {
  credentialsCiphertext: Uint8Array | null;
  credentialsKeyId: string | null;
}

/**
 * The one place that turns a connected account's credentials into ciphertext and back. Each
 * ciphertext is bound to its account and workspace (AES-GCM additional data), so a ciphertext
 * copied to another row does not open. Plaintext credentials never leave this class except to a
 * publisher's AccountContext.
 */
@Injectable()
export class AccountCredentialsStore {
  constructor(
    private readonly accounts: AccountCredentialsRepository,
    private readonly secrets: SecretBox,
  ) {}

  static binding(account: AccountRef): SecretBinding {
    return { workspaceId: account.workspaceId, subject: `account:${account.id}` };
  }

  seal(account: AccountRef, credentials: Record<string, unknown>): SealedSecret {
    return this.secrets.seal(JSON.stringify(credentials), AccountCredentialsStore.binding(account));
  }

  /** The decrypted credentials ({} when the account has none, e.g. a feed); throws SecretDecryptionError. */
  open(account: StoredCredentials): Record<string, unknown> {
    if (!account.credentialsCiphertext || !account.credentialsKeyId) return {};
    const plain = this.secrets.open(
      { keyId: account.credentialsKeyId, ciphertext: new Uint8Array(account.credentialsCiphertext) },
      AccountCredentialsStore.binding(account),
    );
    return JSON.parse(plain) as Record<string, unknown>;
  }

  /** Stores new credentials (a refresh, a reconnect) under the newest key, with the token's expiry. */
  async save(
    account: AccountRef,
    credentials: Record<string, unknown>,
    expiresAt: Date | null,
    tx?: Tx,
  ): Promise<void> {
    await this.accounts.saveSealed(account, this.seal(account, credentials), expiresAt, tx);
  }
}
