import { createHash, randomBytes } from 'node:crypto';
import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/**
 * X OAuth 2.0 authorization code flow with PKCE. The client id (and secret, for a confidential
 * client) come from the X app; the accounts module keeps them with the account's encrypted
 * credentials so a refresh can happen wherever the worker runs.
 */
export interface XClient {
  clientId: string;
  /** Absent for a public client; a confidential client authenticates with HTTP Basic. */
  clientSecret?: string;
  /** <PUBLIC_BASE_URL>/oauth/callback/x */
  redirectUri: string;
}

const X_SCOPES = ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'];

export interface XTokens {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh PKCE pair: the verifier stays with the login session, the challenge goes in the URL. */
export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function buildXAuthorizeUrl(
  client: Pick<XClient, 'clientId' | 'redirectUri'>,
  state: string,
  pkce: Pkce,
): string {
  const url = new URL('https://x.com/i/oauth2/authorize');
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    scope: X_SCOPES.join(' '),
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

export function exchangeXCode(
  http: PlatformHttp,
  xApiUrl: string,
  client: XClient,
  code: string,
  verifier: string,
  signal: AbortSignal,
): Promise<XTokens> {
  return tokenRequest(
    http,
    xApiUrl,
    client,
    { grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier },
    signal,
  );
}

/** X rotates refresh tokens: the returned refresh token replaces the old one, which stops working. */
export function refreshXToken(
  http: PlatformHttp,
  xApiUrl: string,
  client: Omit<XClient, 'redirectUri'>,
  refreshToken: string,
  signal: AbortSignal,
): Promise<XTokens> {
  return tokenRequest(http, xApiUrl, client, { grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
}

interface TokenAnswer {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

async function tokenRequest(
  http: PlatformHttp,
  xApiUrl: string,
  client: Omit<XClient, 'redirectUri'>,
  form: Record<string, string>,
  signal: AbortSignal,
): Promise<XTokens> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (client.clientSecret)
    headers.authorization = `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`;
  const response = await http.request<TokenAnswer>('x', {
    method: 'POST',
    url: `${xApiUrl}/2/oauth2/token`,
    headers,
    data: new URLSearchParams({ ...form, client_id: client.clientId }).toString(),
    signal,
  });
  const answer = response.data ?? {};
  if (response.status === 200 && answer.access_token) {
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token ?? null,
      expiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null,
    };
  }
  const reason = `X refused the token request: ${firstText(answer.error_description, answer.error) ?? unexpectedReason('X', response.status, response.data)}`;
  if (response.status >= 500)
    throw PublishError.notSent(`x.token_${response.status}`, reason, { httpStatus: response.status });
  // invalid_grant (revoked or reused refresh token, bad code) and invalid_client need a new login.
  throw PublishError.auth(`x.token_${answer.error ?? response.status}`, reason, { httpStatus: response.status });
}
