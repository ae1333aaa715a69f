import type { ConnectMethod } from '../connect-method';
import { buildFacebookAuthorizeUrl, exchangeFacebookCode, facebookPageAccounts } from './facebook-oauth';

/** Facebook Login; every page the admin granted is connected (page tokens do not expire). */
export const FACEBOOK_CONNECT: ConnectMethod = {
  platform: 'FACEBOOK',
  name: 'Facebook',
  oauth: {
    segment: 'facebook',
    reconnects: true,
    asksForInstance: false,
    async start({ config, redirectUri, requireApp }) {
      const app = { appId: requireApp(config.FACEBOOK_APP_ID, config.FACEBOOK_APP_SECRET), redirectUri };
      return {
        keep: {},
        authorizeUrl: (state) =>
          buildFacebookAuthorizeUrl(app, state, config.GRAPH_API_URL, { insights: config.ANALYTICS_INSIGHT_SCOPES }),
      };
    },
    async exchange({ config, http, redirectUri, signal }, _kept, code) {
      const app = { appId: config.FACEBOOK_APP_ID!, appSecret: config.FACEBOOK_APP_SECRET!, redirectUri };
      const user = await exchangeFacebookCode(http, config.GRAPH_API_URL, app, code, signal);
      const pages = await facebookPageAccounts(http, config.GRAPH_API_URL, user.accessToken, signal);
      return pages.map((page) => ({
        externalId: page.externalId,
        baseUrl: null,
        credentials: page.credentials,
        tokenExpiresAt: null,
      }));
    },
  },
};
