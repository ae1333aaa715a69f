import type { PlatformHttp } from '../http/platform-http';
import { type InsightOption, withInsights } from '../insight-scopes';
import { buildFacebookLoginUrl, type FacebookApp, listManagedPages } from '../meta-graph/facebook-login';

/** Instagram professional accounts are reached through Facebook Login and the linked page. */
export { exchangeFacebookCode as exchangeInstagramCode } from '../meta-graph/facebook-login';

const INSTAGRAM_SCOPES = ['instagram_basic', 'instagram_content_publish', 'pages_show_list', 'pages_read_engagement'];
/** Media insights (reach, views, saves, shares); asked only when the operator opts in (ANALYTICS_INSIGHT_SCOPES). */
export const INSTAGRAM_INSIGHT_SCOPES = ['instagram_manage_insights'];

export function buildInstagramAuthorizeUrl(
  app: Pick<FacebookApp, 'appId' | 'redirectUri'>,
  state: string,
  graphApiUrl: string,
  options: InsightOption = {},
): string {
  return buildFacebookLoginUrl(
    app,
    state,
    withInsights(INSTAGRAM_SCOPES, INSTAGRAM_INSIGHT_SCOPES, options),
    graphApiUrl,
  );
}

export interface InstagramAccount {
  externalId: string;
  displayName: string;
  handle: string | null;
  /** The linked page's token: derived from a long-lived user token, it does not expire. */
  credentials: { accessToken: string };
}

/** One connectable account per page that has an Instagram professional account linked. */
export async function instagramAccounts(
  http: PlatformHttp,
  graphApiUrl: string,
  userToken: string,
  signal: AbortSignal,
): Promise<InstagramAccount[]> {
  const pages = await listManagedPages(http, graphApiUrl, userToken, signal);
  return pages.flatMap((page) =>
    page.instagram
      ? [
          {
            externalId: page.instagram.id,
            displayName: page.instagram.username ?? page.name,
            handle: page.instagram.username,
            credentials: { accessToken: page.pageAccessToken },
          },
        ]
      : [],
  );
}
