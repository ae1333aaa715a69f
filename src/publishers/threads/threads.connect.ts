import type { ConnectMethod } from '../connect-method';
import { buildThreadsAuthorizeUrl, exchangeThreadsCode } from './threads-oauth';

/** Threads' own OAuth; the long-lived token expires and is refreshed by the account health check. */
export const THREADS_CONNECT: ConnectMethod = {
  platform: 'THREADS',
  name: 'Threads',
  oauth: {
    segment: 'threads',
    reconnects: true,
    asksForInstance: false,
    async start({ config, redirectUri, requireApp }) {
      const app = { appId: requireApp(config.THREADS_APP_ID, config.THREADS_APP_SECRET), redirectUri };
      return {
        keep: {},
        authorizeUrl: (state) => buildThreadsAuthorizeUrl(app, state, { insights: config.ANALYTICS_INSIGHT_SCOPES }),
      };
    },
    async exchange({ config, http, redirectUri, signal }, _kept, code) {
      const app = { appId: config.THREADS_APP_ID!, appSecret: config.THREADS_APP_SECRET!, redirectUri };
      const token = await exchangeThreadsCode(http, config.THREADS_API_URL, app, code, signal);
      return [
        {
          externalId: token.externalId,
          baseUrl: null,
          credentials: token.credentials,
          tokenExpiresAt: token.expiresAt,
        },
      ];
    },
  },
};
