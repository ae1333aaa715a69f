import type { PlatformHttp } from '../http/platform-http';
import type { AccountContext, RefreshedCredentials } from '../publisher';
import { requiredCredential } from '../publisher-helpers';
import { TokenSession } from '../token-session';
import { refreshXToken } from './x-oauth';

/** A session that refreshes on 401 when the account has a refresh token and the app's client id. */
export function xSession(
  http: PlatformHttp,
  xApiUrl: string,
  account: AccountContext,
  signal: AbortSignal,
): TokenSession {
  const { refreshToken, clientId } = account.credentials;
  const canRefresh = typeof refreshToken === 'string' && typeof clientId === 'string';
  return new TokenSession(
    'x',
    http,
    xApiUrl,
    account,
    signal,
    canRefresh ? (credentials, s) => refreshXCredentials(http, xApiUrl, credentials, s) : null,
  );
}

export async function refreshXCredentials(
  http: PlatformHttp,
  xApiUrl: string,
  credentials: Record<string, unknown>,
  signal: AbortSignal,
): Promise<RefreshedCredentials> {
  const tokens = await refreshXToken(
    http,
    xApiUrl,
    {
      clientId: requiredCredential('x', credentials, 'clientId'),
      clientSecret: typeof credentials.clientSecret === 'string' ? credentials.clientSecret : undefined,
    },
    requiredCredential('x', credentials, 'refreshToken'),
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
