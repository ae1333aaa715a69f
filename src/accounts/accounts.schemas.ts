import { z } from 'zod';
import { postingSlotsSchema } from '../calendar/posting-slots';
import { changesSomething, NOTHING_TO_CHANGE, zInstant, zName } from '../core/http';
import { inputMessage } from '../core/i18n';

const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, inputMessage({ id: 'Alamat http(s)://…', en: 'An http(s):// address' }))
  .transform((value) => value.replace(/\/+$/, ''));

const secret = (max = 500) => z.string().trim().min(1).max(max);
const common = { displayName: zName.optional(), postingSlots: postingSlotsSchema.optional() };

/** One credential form per platform that connects without OAuth (Mastodon also has OAuth). */
export const credentialsFormSchema = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('TELEGRAM'), botToken: secret(200), chatId: z.string().trim().min(1).max(100), apiBaseUrl: httpUrl.optional(), ...common }).strict(),
  z.object({ platform: z.literal('BLUESKY'), identifier: z.string().trim().min(1).max(300), appPassword: secret(200), serviceUrl: httpUrl.optional(), ...common }).strict(),
  z.object({ platform: z.literal('WORDPRESS'), siteUrl: httpUrl, username: z.string().trim().min(1).max(200), applicationPassword: secret(200), ...common }).strict(),
  z.object({ platform: z.literal('MASTODON'), instanceUrl: httpUrl, accessToken: secret(500), ...common }).strict(),
  z.object({ platform: z.literal('WEBHOOK'), url: httpUrl, secret: z.string().min(16).max(200).optional(), ...common }).strict(),
  z.object({ platform: z.literal('FEED'), handle: z.string().trim().min(1).max(200).optional(), ...common }).strict(),
]).meta({ id: 'AccountCredentials', description: 'The credential form of one platform, chosen by platform' });
export type CredentialsForm = z.infer<typeof credentialsFormSchema>;

export const updateAccountSchema = z
  .object({ displayName: zName, postingSlots: postingSlotsSchema, baseUrl: httpUrl.nullable() })
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type UpdateAccount = z.infer<typeof updateAccountSchema>;

export const listAccountsSchema = z
  .object({ include: z.enum(['connected', 'all']).default('connected') })
  .strict();

export const nextSlotSchema = z
  .object({
    after: zInstant.optional(),
    /** The zone to show the slots in (the composer's); default the workspace's. WIB/WITA/WIT accepted. */
    zone: z.string().min(1).max(64).optional(),
    count: z.coerce.number().int().min(1).max(10).default(1),
  })
  .strict();

/** Mastodon's OAuth needs the instance; the other platforms need nothing (an empty or absent body). */
export const oauthStartSchema = z.object({}).strict().optional();
export const mastodonOAuthStartSchema = z.object({ instanceUrl: httpUrl }).strict();

/** A front-end that receives the platform's redirect itself hands the code and state over. */
export const oauthCompleteSchema = z
  .object({ state: z.string().min(1).max(200), code: z.string().max(2000).optional(), error: z.string().max(200).optional(), error_description: z.string().max(2000).optional() })
  .strict();

export const oauthCallbackSchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
