import { z } from 'zod';
import { credentialForm, zHttpUrl, zSecret, type ConnectMethod } from '../connect-method';

/** A handle (or e-mail) and an app password; a PDS other than bsky.social is optional. */
export const BLUESKY_CONNECT: ConnectMethod = {
  platform: 'BLUESKY',
  name: 'Bluesky',
  form: credentialForm(
    {
      identifier: { schema: z.string().trim().min(1).max(300) },
      appPassword: { schema: zSecret(200), secret: true },
      serviceUrl: { schema: zHttpUrl.optional(), advanced: true },
    },
    (form) => ({
      baseUrl: form.serviceUrl ?? null,
      externalId: null,
      handle: null,
      credentials: { identifier: form.identifier, appPassword: form.appPassword },
      revealedSecret: null,
    }),
  ),
};
