import type { ConnectMethod } from '../connect-method';
import { buildXAuthorizeUrl, createPkce, exchangeXCode } from './x-oauth';

/** OAuth 2.0 with PKCE (a public client needs no secret). */
export const X_CONNECT: ConnectMethod = {
  platform: 'X',
  name: 'X',
  oauth: {
    segment: 'x',
    reconnects: true,
    asksForInstance: false,
    async start({ config, redirectUri, requireApp }) {
      const client = { clientId: requireApp(config.X_CLIENT_ID, 'public clients need no secret'), redirectUri };
      const pkce = createPkce();
      return { keep: { verifier: pkce.verifier }, authorizeUrl: (state) => buildXAuthorizeUrl(client, state, pkce) };
    },
    async exchange({ config, http, redirectUri, signal }, kept, code) {
      const client = { clientId: config.X_CLIENT_ID!, clientSecret: config.X_CLIENT_SECRET, redirectUri };
      const tokens = await exchangeXCode(http, config.X_API_URL, client, code, kept.verifier ?? '', signal);
      // The client id (and secret) travel with the sealed credentials so any worker can refresh.
      const credentials = {
        accessToken: tokens.accessToken,
        refreshToken: tokens.refreshToken,
        clientId: client.clientId,
        ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}),
      };
      return [{ externalId: null, baseUrl: null, credentials, tokenExpiresAt: tokens.expiresAt }];
    },
  },
};
