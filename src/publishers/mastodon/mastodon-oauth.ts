import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { mastodonError } from './mastodon-errors';

/** What Gaung asks of a Mastodon account: post, upload media, and read who it is. */
// read:statuses: the look-up of our own statuses after an ambiguous outcome (mastodon-lookup.ts).
export const MASTODON_SCOPES = 'read:accounts read:statuses write:statuses write:media';
const OAUTH_TIMEOUT_MS = 15_000;

export interface MastodonApp {
  clientId: string;
  clientSecret: string;
}

/** Registers Gaung as a client app on one instance (POST /api/v1/apps); do it once per instance. */
export async function registerMastodonApp(
  http: PlatformHttp,
  instanceUrl: string,
  app: { clientName: string; redirectUri: string; website?: string },
  signal?: AbortSignal,
): Promise<MastodonApp> {
  const response = await http.request<{ client_id?: string; client_secret?: string }>('mastodon', {
    method: 'POST',
    url: `${trimSlash(instanceUrl)}/api/v1/apps`,
    data: {
      client_name: app.clientName,
      redirect_uris: app.redirectUri,
      scopes: MASTODON_SCOPES,
      ...(app.website ? { website: app.website } : {}),
    },
    signal,
    timeout: OAUTH_TIMEOUT_MS,
  });
  if (response.status !== 200 || !response.data.client_id || !response.data.client_secret)
    throw mastodonError(response, 'account');
  return { clientId: response.data.client_id, clientSecret: response.data.client_secret };
}

/** The page where the admin approves Gaung on the instance. */
export function mastodonAuthorizeUrl(
  instanceUrl: string,
  params: { clientId: string; redirectUri: string; state: string },
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    scope: MASTODON_SCOPES,
    state: params.state,
  });
  return `${trimSlash(instanceUrl)}/oauth/authorize?${query}`;
}

/** Exchanges the callback's code for a user access token (POST /oauth/token). Tokens do not expire. */
export async function exchangeMastodonCode(
  http: PlatformHttp,
  instanceUrl: string,
  params: MastodonApp & { redirectUri: string; code: string },
  signal?: AbortSignal,
): Promise<{ accessToken: string; scope: string }> {
  const response = await http.request<{ access_token?: string; scope?: string }>('mastodon', {
    method: 'POST',
    url: `${trimSlash(instanceUrl)}/oauth/token`,
    data: {
      grant_type: 'authorization_code',
      code: params.code,
      client_id: params.clientId,
      client_secret: params.clientSecret,
      redirect_uri: params.redirectUri,
      scope: MASTODON_SCOPES,
    },
    signal,
    timeout: OAUTH_TIMEOUT_MS,
  });
  if (response.status === 200 && response.data.access_token)
    return { accessToken: response.data.access_token, scope: response.data.scope ?? MASTODON_SCOPES };
  // invalid_grant (400) and invalid_client (401): the admin must start the connection again.
  if (response.status === 400 || response.status === 401)
    throw PublishError.auth(`mastodon.oauth_${response.status}`, mastodonError(response, 'account').message, {
      httpStatus: response.status,
    });
  throw mastodonError(response, 'account');
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
