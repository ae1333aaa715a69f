import type { PlatformHttp } from '../http/platform-http';
import type { InsightOption } from '../insight-scopes';
import type { ConnectMethod } from '../connect-method';
import { exchangeFacebookCode, type FacebookApp } from './facebook-login';

/**
 * Connecting through Facebook Login, shared by Facebook Pages and Instagram: the same app, the same
 * code exchange and non-expiring page tokens; only the scopes and which accounts a user token
 * yields differ.
 */
export function facebookLoginConnect(platform: {
  platform: 'FACEBOOK' | 'INSTAGRAM';
  name: string;
  segment: string;
  authorizeUrl: (
    app: Pick<FacebookApp, 'appId' | 'redirectUri'>,
    state: string,
    graphApiUrl: string,
    options: InsightOption,
  ) => string;
  accounts: (
    http: PlatformHttp,
    graphApiUrl: string,
    userToken: string,
    signal: AbortSignal,
  ) => Promise<Array<{ externalId: string; credentials: Record<string, unknown> }>>;
}): ConnectMethod {
  return {
    platform: platform.platform,
    name: platform.name,
    oauth: {
      segment: platform.segment,
      reconnects: true,
      asksForInstance: false,
      async start({ config, redirectUri, requireApp }) {
        const app = { appId: requireApp(config.FACEBOOK_APP_ID, config.FACEBOOK_APP_SECRET), redirectUri };
        return {
          keep: {},
          authorizeUrl: (state) =>
            platform.authorizeUrl(app, state, config.GRAPH_API_URL, { insights: config.ANALYTICS_INSIGHT_SCOPES }),
        };
      },
      async exchange({ config, http, redirectUri, signal }, _kept, code) {
        const app = { appId: config.FACEBOOK_APP_ID!, appSecret: config.FACEBOOK_APP_SECRET!, redirectUri };
        const user = await exchangeFacebookCode(http, config.GRAPH_API_URL, app, code, signal);
        const accounts = await platform.accounts(http, config.GRAPH_API_URL, user.accessToken, signal);
        return accounts.map((account) => ({
          externalId: account.externalId,
          baseUrl: null,
          credentials: account.credentials,
          tokenExpiresAt: null,
        }));
      },
    },
  };
}
