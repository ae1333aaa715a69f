import type { ConnectMethod } from '../connect-method';
import { buildInstagramAuthorizeUrl, exchangeInstagramCode, instagramAccounts } from './instagram-oauth';

/** Facebook Login; every Instagram professional account linked to a granted page is connected. */
export const INSTAGRAM_CONNECT: ConnectMethod = {
  platform: 'INSTAGRAM',
  name: 'Instagram',
  oauth: {
    segment: 'instagram',
    reconnects: true,
    asksForInstance: false,
    async start({ config, redirectUri, requireApp }) {
      const app = { appId: requireApp(config.FACEBOOK_APP_ID, config.FACEBOOK_APP_SECRET), redirectUri };
      return {
        keep: {},
        authorizeUrl: (state) =>
          buildInstagramAuthorizeUrl(app, state, config.GRAPH_API_URL, { insights: config.ANALYTICS_INSIGHT_SCOPES }),
      };
    },
    async exchange({ config, http, redirectUri, signal }, _kept, code) {
      const app = { appId: config.FACEBOOK_APP_ID!, appSecret: config.FACEBOOK_APP_SECRET!, redirectUri };
      const user = await exchangeInstagramCode(http, config.GRAPH_API_URL, app, code, signal);
      const accounts = await instagramAccounts(http, config.GRAPH_API_URL, user.accessToken, signal);
      return accounts.map((account) => ({
        externalId: account.externalId,
        baseUrl: null,
        credentials: account.credentials,
        tokenExpiresAt: null,
      }));
    },
  },
};
