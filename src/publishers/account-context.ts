import type { AccountCredentialsStore, StoredCredentials } from '../core/credentials';
import type { Platform } from '../core/database';
import type { AccountContext } from './publisher';

/** What a publisher's account context is built from: a connected account as stored. */
export interface StoredAccount extends StoredCredentials {
  platform: Platform;
  baseUrl: string | null;
  externalId: string | null;
  handle: string | null;
  /** ConnectedAccount.settings, JSON. */
  settings: unknown;
}

/**
 * The one builder of a publisher's AccountContext (the engine, the health checks and the metric
 * snapshots use it). Throws SecretDecryptionError when the credentials cannot be opened. Refreshed
 * credentials are stored at once: X and LinkedIn rotate refresh tokens mid-call.
 */
export function accountContextOf(store: AccountCredentialsStore, account: StoredAccount): AccountContext {
  const ref = { id: account.id, workspaceId: account.workspaceId };
  return {
    accountId: account.id,
    workspaceId: account.workspaceId,
    platform: account.platform,
    baseUrl: account.baseUrl,
    externalId: account.externalId,
    handle: account.handle,
    settings: (account.settings ?? {}) as Record<string, unknown>,
    credentials: store.open(account),
    saveRefreshedCredentials: (refreshed) => store.save(ref, refreshed.credentials, refreshed.expiresAt),
  };
}
