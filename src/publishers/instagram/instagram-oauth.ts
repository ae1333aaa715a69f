import type { PlatformHttp } from '../http/platform-http';
import { buildFacebookLoginUrl, type FacebookApp, listManagedPages } from '../meta-graph/facebook-login';

/** Instagram professional accounts are reached through Facebook Login and the linked page. */
export { exchangeFacebookCode as exchangeInstagramCode } from '../meta-graph/facebook-login';

const INSTAGRAM_SCOPES = ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement'];

export function buildInstagramAuthorizeUrl(app: Pick<FacebookApp, 'appId' | 'redirectUri'>, state: string, graphApiUrl: string): string {
  return buildFacebookLoginUrl(app, state, INSTAGRAM_SCOPES, graphApiUrl);
}

export interface InstagramAccount {
  externalId: string;
  displayName: string;
  handle: string | null;
  /** The linked page's token: derived from a long-lived user token, it does not expire. */
  credentials: { accessToken: string };
}

/** One connectable account per page that has an Instagram professional account linked. */
export async function instagramAccounts(http: PlatformHttp, graphApiUrl: string, userToken: string, signal: AbortSignal): Promise<InstagramAccount[]> {
  const pages = await listManagedPages(http, graphApiUrl, userToken, signal);
  return pages.flatMap((page) =>
    page.instagram
      ? [{ externalId: page.instagram.id, displayName: page.instagram.username ?? page.name, handle: page.instagram.username, credentials: { accessToken: page.pageAccessToken } }]
      : [],
  );
}
