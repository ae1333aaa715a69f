import { credentialForm, zHttpUrl, zSecret, type ConnectMethod } from '../connect-method';
import { PublishError } from '../publish-error';
import { exchangeMastodonCode, mastodonAuthorizeUrl } from './mastodon-oauth';

/**
 * An access token pasted into a form, or OAuth on the admin's instance (Gaung registers its client
 * app there on first use). Accounts reconnect through the form, which names the instance.
 */
export const MASTODON_CONNECT: ConnectMethod = {
  platform: 'MASTODON',
  name: 'Mastodon',
  form: credentialForm(
    { instanceUrl: { schema: zHttpUrl }, accessToken: { schema: zSecret(500), secret: true } },
    (form) => ({
      baseUrl: form.instanceUrl,
      externalId: null,
      handle: null,
      credentials: { accessToken: form.accessToken },
      revealedSecret: null,
    }),
  ),
  oauth: {
    segment: 'mastodon',
    reconnects: false,
    asksForInstance: true,
    async start(context, instanceUrl) {
      const instance = context.requireInstance(instanceUrl);
      const app = await context.clientApps.appFor(instance, context.redirectUri, context.signal);
      return {
        keep: { instanceUrl: instance },
        authorizeUrl: (state) =>
          mastodonAuthorizeUrl(instance, { clientId: app.clientId, redirectUri: context.redirectUri, state }),
      };
    },
    async exchange(context, kept, code) {
      const instanceUrl = kept.instanceUrl!;
      const app = await context.clientApps.cached(instanceUrl);
      if (!app)
        throw PublishError.auth('mastodon.app_missing', 'The app registration for this instance was lost; start again');
      try {
        const token = await exchangeMastodonCode(
          context.http,
          instanceUrl,
          { ...app, redirectUri: context.redirectUri, code },
          context.signal,
        );
        return [
          {
            externalId: null,
            baseUrl: instanceUrl,
            credentials: { accessToken: token.accessToken },
            tokenExpiresAt: null,
          },
        ];
      } catch (error) {
        // The instance no longer knows our app (invalid_client): register again next time.
        if (error instanceof PublishError && error.httpStatus === 401) await context.clientApps.forget(instanceUrl);
        throw error;
      }
    },
  },
};
