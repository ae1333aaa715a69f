import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { graphError } from './graph-error';

/**
 * Facebook Login (authorization-code flow), shared by Facebook Pages and Instagram (which is
 * reached through the Facebook Page it is linked to). The accounts module calls these.
 */
export interface FacebookApp {
  appId: string;
  appSecret: string;
  /** <PUBLIC_BASE_URL>/oauth/callback/<platform>; must match the one registered with the app. */
  redirectUri: string;
}

export interface UserToken {
  accessToken: string;
  /** Null when the token does not expire. */
  expiresAt: Date | null;
}

/** The login dialog lives on www.facebook.com, versioned like the Graph API. */
export function buildFacebookLoginUrl(
  app: Pick<FacebookApp, 'appId' | 'redirectUri'>,
  state: string,
  scopes: string[],
  graphApiUrl: string,
): string {
  const version = new URL(graphApiUrl).pathname.split('/').find((part) => /^v\d+\.\d+$/.test(part));
  const url = new URL(`https://www.facebook.com/${version ? `${version}/` : ''}dialog/oauth`);
  url.search = new URLSearchParams({
    client_id: app.appId,
    redirect_uri: app.redirectUri,
    state,
    scope: scopes.join(','),
    response_type: 'code',
  }).toString();
  return url.toString();
}

/** Code -> short-lived user token -> long-lived user token (about 60 days). */
export async function exchangeFacebookCode(
  http: PlatformHttp,
  graphApiUrl: string,
  app: FacebookApp,
  code: string,
  signal: AbortSignal,
): Promise<UserToken> {
  const short = await tokenRequest(
    http,
    graphApiUrl,
    { client_id: app.appId, client_secret: app.appSecret, redirect_uri: app.redirectUri, code },
    signal,
  );
  return tokenRequest(
    http,
    graphApiUrl,
    {
      grant_type: 'fb_exchange_token',
      client_id: app.appId,
      client_secret: app.appSecret,
      fb_exchange_token: short.accessToken,
    },
    signal,
  );
}

export interface ManagedPage {
  id: string;
  name: string;
  username: string | null;
  /** A page token derived from a long-lived user token does not expire. */
  pageAccessToken: string;
  instagram: { id: string; username: string | null } | null;
}

interface AccountsAnswer {
  data?: Array<{
    id: string;
    name: string;
    username?: string;
    access_token: string;
    instagram_business_account?: { id: string; username?: string };
  }>;
}

/** The pages the user manages, each with its page token and linked Instagram professional account. */
export async function listManagedPages(
  http: PlatformHttp,
  graphApiUrl: string,
  userToken: string,
  signal: AbortSignal,
): Promise<ManagedPage[]> {
  const response = await http.request<AccountsAnswer>('facebook', {
    method: 'GET',
    url: `${graphApiUrl}/me/accounts`,
    params: {
      fields: 'id,name,username,access_token,instagram_business_account{id,username}',
      limit: 100,
      access_token: userToken,
    },
    signal,
  });
  if (response.status !== 200) throw graphError('facebook', response, false);
  return (response.data.data ?? []).map((page) => ({
    id: page.id,
    name: page.name,
    username: page.username ?? null,
    pageAccessToken: page.access_token,
    instagram: page.instagram_business_account
      ? { id: page.instagram_business_account.id, username: page.instagram_business_account.username ?? null }
      : null,
  }));
}

async function tokenRequest(
  http: PlatformHttp,
  graphApiUrl: string,
  params: Record<string, string>,
  signal: AbortSignal,
): Promise<UserToken> {
  const response = await http.request<{ access_token?: string; expires_in?: number }>('facebook', {
    method: 'GET',
    url: `${graphApiUrl}/oauth/access_token`,
    params,
    signal,
  });
  if (response.status !== 200) throw graphError('facebook', response, false);
  if (!response.data.access_token)
    throw PublishError.auth('facebook.no_token', 'Facebook answered without an access token');
  return {
    accessToken: response.data.access_token,
    expiresAt: response.data.expires_in ? new Date(Date.now() + response.data.expires_in * 1000) : null,
  };
}
