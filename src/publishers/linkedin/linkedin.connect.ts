import type { ConnectMethod } from '../connect-method';
import { buildLinkedInAuthorizeUrl, exchangeLinkedInCode } from './linkedin-oauth';

const MEMBER_TO_BE_VERIFIED = 'urn:li:person:me';

/** LinkedIn's OAuth for a member; the member's URN is learnt from "who am I". */
export const LINKEDIN_CONNECT: ConnectMethod = {
  platform: 'LINKEDIN',
  name: 'LinkedIn',
  oauth: {
    segment: 'linkedin',
    reconnects: true,
    asksForInstance: false,
    async start({ config, redirectUri, requireApp }) {
      const app = { clientId: requireApp(config.LINKEDIN_CLIENT_ID, config.LINKEDIN_CLIENT_SECRET), redirectUri };
      return {
        keep: {},
        authorizeUrl: (state) =>
          buildLinkedInAuthorizeUrl(app, state, config.LINKEDIN_API_URL, { insights: config.ANALYTICS_INSIGHT_SCOPES }),
      };
    },
    async exchange({ config, http, redirectUri, signal }, _kept, code) {
      const app = { clientId: config.LINKEDIN_CLIENT_ID!, clientSecret: config.LINKEDIN_CLIENT_SECRET!, redirectUri };
      const tokens = await exchangeLinkedInCode(http, config.LINKEDIN_API_URL, app, code, signal);
      const credentials = {
        accessToken: tokens.accessToken,
        ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}),
        clientId: app.clientId,
        clientSecret: app.clientSecret,
      };
      // The member's URN is not known yet: a person URN makes the publisher's "who am I" ask
      // /v2/userinfo, which answers the real one (stored from the verified identity).
      return [{ externalId: MEMBER_TO_BE_VERIFIED, baseUrl: null, credentials, tokenExpiresAt: tokens.expiresAt }];
    },
  },
};
