import { z } from 'zod';
import { newSecretToken } from '../../core/crypto';
import { credentialForm, zHttpUrl, type ConnectMethod } from '../connect-method';

/** The endpoint, and a signing secret: the admin's own, or one generated here and shown once. */
export const WEBHOOK_CONNECT: ConnectMethod = {
  platform: 'WEBHOOK',
  name: 'Webhook',
  form: credentialForm(
    { url: { schema: zHttpUrl }, secret: { schema: z.string().min(16).max(200).optional(), secret: true } },
    (form) => {
      const secret = form.secret ?? newSecretToken('whsec_');
      return {
        baseUrl: form.url,
        externalId: null,
        handle: null,
        credentials: { secret },
        revealedSecret: form.secret ? null : secret,
      };
    },
  ),
};
