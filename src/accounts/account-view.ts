import type { ConnectedAccount } from '../core/database';

/** Settings keys that hold secrets (a private feed's token): never shown. */
const SECRET_SETTING = /token|secret|password|key/i;

/** A connected account as the API shows it: never credentials, ciphertext or secret settings. */
export function presentAccount(account: ConnectedAccount) {
  const settings = Object.fromEntries(Object.entries((account.settings ?? {}) as Record<string, unknown>).filter(([name]) => !SECRET_SETTING.test(name)));
  return {
    id: account.id,
    platform: account.platform,
    displayName: account.displayName,
    handle: account.handle,
    externalId: account.externalId,
    baseUrl: account.baseUrl,
    status: account.status,
    statusReason: account.statusReason,
    tokenExpiresAt: account.tokenExpiresAt,
    lastCheckedAt: account.lastCheckedAt,
    settings,
    postingSlots: account.postingSlots,
    hasCredentials: account.credentialsCiphertext !== null,
    createdAt: account.createdAt,
    updatedAt: account.updatedAt,
    disconnectedAt: account.disconnectedAt,
  };
}
