import type { PlatformHttp } from '../http/platform-http';
import type { AccountContext, RefreshedCredentials } from '../publisher';
import { requiredCredential } from '../publisher-helpers';
import { TokenSession } from '../token-session';
import { refreshLinkedInToken } from './linkedin-oauth';

/** The REST API version (YYYYMM) Gaung was written against; LinkedIn supports each for a year. */
export const LINKEDIN_VERSION = '202511';

/**
 * The calls of one publish or read with one LinkedIn account: the versioning headers every /rest
 * call needs, and a refresh on 401 when the account carries a refresh token and the app's client.
 */
export function linkedinSession(
  http: PlatformHttp,
  apiUrl: string,
  account: AccountContext,
  signal: AbortSignal,
): TokenSession {
  const refresher = canRefresh(account.credentials)
    ? (credentials: Record<string, unknown>, s: AbortSignal) => refreshLinkedInCredentials(http, apiUrl, credentials, s)
    : null;
  return new TokenSession('linkedin', http, apiUrl, account, signal, refresher, {
    'linkedin-version': LINKEDIN_VERSION,
    'x-restli-protocol-version': '2.0.0',
  });
}

export function canRefresh(credentials: Record<string, unknown>): boolean {
  return ['refreshToken', 'clientId', 'clientSecret'].every((name) => typeof credentials[name] === 'string');
}

export async function refreshLinkedInCredentials(
  http: PlatformHttp,
  apiUrl: string,
  credentials: Record<string, unknown>,
  signal: AbortSignal,
): Promise<RefreshedCredentials> {
  const tokens = await refreshLinkedInToken(
    http,
    apiUrl,
    {
      clientId: requiredCredential('linkedin', credentials, 'clientId'),
      clientSecret: requiredCredential('linkedin', credentials, 'clientSecret'),
    },
    requiredCredential('linkedin', credentials, 'refreshToken'),
    signal,
  );
  return {
    credentials: {
      ...credentials,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken ?? credentials.refreshToken,
    },
    expiresAt: tokens.expiresAt,
  };
}
