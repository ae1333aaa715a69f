import type { AxiosResponse } from 'axios';
import type { PlatformHttp } from '../http/platform-http';
import { type InsightOption, withInsights } from '../insight-scopes';
import { graphError } from '../meta-graph/graph-error';
import { PublishError } from '../publish-error';

/** Threads' own OAuth (not Facebook Login). The token endpoints sit at the API host's root. */
export interface ThreadsApp {
  appId: string;
  appSecret: string;
  /** <PUBLIC_BASE_URL>/oauth/callback/threads */
  redirectUri: string;
}

const THREADS_SCOPES = ['threads_basic', 'threads_content_publish'];
/** Media insights (views, likes, replies, reposts, quotes, shares); asked only when the operator opts in. */
export const THREADS_INSIGHT_SCOPES = ['threads_manage_insights'];

export interface ThreadsToken {
  accessToken: string;
  expiresAt: Date | null;
}

export function buildThreadsAuthorizeUrl(
  app: Pick<ThreadsApp, 'appId' | 'redirectUri'>,
  state: string,
  options: InsightOption = {},
): string {
  const url = new URL('https://threads.net/oauth/authorize');
  const scope = withInsights(THREADS_SCOPES, THREADS_INSIGHT_SCOPES, options).join(',');
  url.search = new URLSearchParams({
    client_id: app.appId,
    redirect_uri: app.redirectUri,
    scope,
    response_type: 'code',
    state,
  }).toString();
  return url.toString();
}

/** Code -> short-lived token (with the user id) -> long-lived token (60 days). */
export async function exchangeThreadsCode(
  http: PlatformHttp,
  threadsApiUrl: string,
  app: ThreadsApp,
  code: string,
  signal: AbortSignal,
): Promise<{ externalId: string; credentials: { accessToken: string }; expiresAt: Date | null }> {
  const root = new URL(threadsApiUrl).origin;
  const short = checked(
    await http.request<{ access_token?: string; user_id?: string | number }>('threads', {
      method: 'POST',
      url: `${root}/oauth/access_token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams({
        client_id: app.appId,
        client_secret: app.appSecret,
        grant_type: 'authorization_code',
        redirect_uri: app.redirectUri,
        code,
      }).toString(),
      signal,
    }),
  );
  const long = token(
    checked(
      await http.request<TokenAnswer>('threads', {
        method: 'GET',
        url: `${root}/access_token`,
        params: { grant_type: 'th_exchange_token', client_secret: app.appSecret, access_token: short.access_token },
        signal,
      }),
    ),
  );
  return {
    externalId: String(short.user_id),
    credentials: { accessToken: long.accessToken },
    expiresAt: long.expiresAt,
  };
}

/** Extends a long-lived token by another 60 days (the token itself is the only credential needed). */
export async function refreshThreadsToken(
  http: PlatformHttp,
  threadsApiUrl: string,
  accessToken: string,
  signal: AbortSignal,
): Promise<ThreadsToken> {
  const response = await http.request<TokenAnswer>('threads', {
    method: 'GET',
    url: `${new URL(threadsApiUrl).origin}/refresh_access_token`,
    params: { grant_type: 'th_refresh_token', access_token: accessToken },
    signal,
  });
  return token(checked(response));
}

interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
}

function checked<T extends { access_token?: string }>(response: AxiosResponse<T>): T {
  if (response.status !== 200) throw graphError('threads', response, false);
  if (!response.data.access_token)
    throw PublishError.auth('threads.no_token', 'Threads answered without an access token');
  return response.data;
}

function token(answer: TokenAnswer): ThreadsToken {
  return {
    accessToken: answer.access_token!,
    expiresAt: answer.expires_in ? new Date(Date.now() + answer.expires_in * 1000) : null,
  };
}
