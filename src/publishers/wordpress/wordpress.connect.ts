import { z } from 'zod';
import { credentialForm, zHttpUrl, zSecret, type ConnectMethod } from '../connect-method';

/** The site, a user and one of its application passwords. */
export const WORDPRESS_CONNECT: ConnectMethod = {
  platform: 'WORDPRESS',
  name: 'WordPress',
  form: credentialForm(
    {
      siteUrl: { schema: zHttpUrl },
      username: { schema: z.string().trim().min(1).max(200) },
      applicationPassword: { schema: zSecret(200), secret: true },
    },
    (form) => ({
      baseUrl: form.siteUrl,
      externalId: null,
      handle: null,
      credentials: { username: form.username, applicationPassword: form.applicationPassword },
      revealedSecret: null,
    }),
  ),
};
