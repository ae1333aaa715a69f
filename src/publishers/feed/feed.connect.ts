import { z } from 'zod';
import { credentialForm, type ConnectMethod } from '../connect-method';

/** Gaung's own feed: nothing secret, an optional handle to show. */
export const FEED_CONNECT: ConnectMethod = {
  platform: 'FEED',
  name: 'Feed',
  form: credentialForm({ handle: { schema: z.string().trim().min(1).max(200).optional() } }, (form) => ({
    baseUrl: null,
    externalId: null,
    handle: form.handle ?? null,
    credentials: {},
    revealedSecret: null,
  })),
};
