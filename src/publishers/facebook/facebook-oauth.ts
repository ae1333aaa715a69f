import type { PlatformHttp } from '../http/platform-http';
import { type InsightOption, withInsights } from '../insight-scopes';
import { buildFacebookLoginUrl, type FacebookApp, listManagedPages } from '../meta-graph/facebook-login';

export { exchangeFacebookCode, type FacebookApp } from '../meta-graph/facebook-login';

/** What Gaung needs to publish to a page and to read its public counts back. */
const FACEBOOK_SCOPES = ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'];
/** A post's reach (post insights); asked only when the operator opts in (ANALYTICS_INSIGHT_SCOPES). */
export const FACEBOOK_INSIGHT_SCOPES = ['read_insights'];

export function buildFacebookAuthorizeUrl(
  app: Pick<FacebookApp, 'appId' | 'redirectUri'>,
  state: string,
  graphApiUrl: string,
  options: InsightOption = {},
): string {
  return buildFacebookLoginUrl(
    app,
    state,
    withInsights(FACEBOOK_SCOPES, FACEBOOK_INSIGHT_SCOPES, options),
    graphApiUrl,
  );
}

export interface FacebookPageAccount {
  externalId: string;
  displayName: string;
  handle: string | null;
  credentials: { pageAccessToken: string };
}

/** Turns a (long-lived) user token into one connectable account per managed page. */
export async function facebookPageAccounts(
  http: PlatformHttp,
  graphApiUrl: string,
  userToken: string,
  signal: AbortSignal,
): Promise<FacebookPageAccount[]> {
  const pages = await listManagedPages(http, graphApiUrl, userToken, signal);
  return pages.map((page) => ({
    externalId: page.id,
    displayName: page.name,
    handle: page.username,
    credentials: { pageAccessToken: page.pageAccessToken },
  }));
}
