import { z } from 'zod';
import { newSecretToken } from '../../core/crypto';
import { credentialForm, zHttpUrl, type ConnectMethod } from '../connect-method';

/**
 * The endpoint, a signing secret (the admin's own, or one generated here and shown once), and
 * whether the receiver deduplicates on Idempotency-Key: only then is a delivery whose answer was
 * lost sent again (else it waits UNCONFIRMED for a person), so the default is no.
 */
export const WEBHOOK_CONNECT: ConnectMethod = {
  platform: 'WEBHOOK',
  name: 'Webhook',
  form: credentialForm(
    {
      url: { schema: zHttpUrl },
      secret: { schema: z.string().min(16).max(200).optional(), secret: true },
      honoursIdempotencyKey: { schema: z.boolean().optional() },
    },
    (form) => {
      const secret = form.secret ?? newSecretToken('whsec_');
      return {
        baseUrl: form.url,
        externalId: null,
        handle: null,
        credentials: { secret },
        revealedSecret: form.secret ? null : secret,
        settings: { honoursIdempotencyKey: form.honoursIdempotencyKey ?? false },
      };
    },
  ),
};
