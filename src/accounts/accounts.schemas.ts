import { z } from 'zod';
import { postingSlotsSchema } from '../calendar/posting-slots';
import { changesSomething, NOTHING_TO_CHANGE, zInstant, zName } from '../core/http';
import { FORM_CONNECT_METHODS, zHttpUrl } from '../publishers';

const common = { displayName: zName.optional(), postingSlots: postingSlotsSchema.optional() };

/** One credential form per platform that connects without OAuth (Mastodon has both), from each platform's folder. */
const formSchemas = FORM_CONNECT_METHODS.map(({ platform, form }) =>
  z
    .object({
      platform: z.literal(platform),
      ...Object.fromEntries(Object.entries(form.fields).map(([name, field]) => [name, field.schema])),
      ...common,
    })
    .strict(),
);
const [firstForm, ...otherForms] = formSchemas;
if (!firstForm) throw new Error('No platform connects by a credential form (src/publishers/publisher-classes.ts)');
export const credentialsFormSchema = z.discriminatedUnion('platform', [firstForm, ...otherForms]).meta({
  id: 'AccountCredentials',
  description: 'The credential form of one platform, chosen by platform (GET /platforms lists the fields)',
});
export type CredentialsForm = z.infer<typeof credentialsFormSchema>;

export const updateAccountSchema = z
  .object({ displayName: zName, postingSlots: postingSlotsSchema, baseUrl: zHttpUrl.nullable() })
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type UpdateAccount = z.infer<typeof updateAccountSchema>;

export const listAccountsSchema = z.object({ include: z.enum(['connected', 'all']).default('connected') }).strict();

export const nextSlotSchema = z
  .object({
    after: zInstant.optional(),
    /** The zone to show the slots in (the composer's); default the workspace's. WIB/WITA/WIT accepted. */
    zone: z.string().min(1).max(64).optional(),
    count: z.coerce.number().int().min(1).max(10).default(1),
  })
  .strict();

/** An OAuth start of a federated platform (Mastodon) names the instance; the other platforms need nothing (an empty or absent body). */
export const oauthStartSchema = z.object({}).strict().optional();
export const instanceOAuthStartSchema = z.object({ instanceUrl: zHttpUrl }).strict();
/** The start body as documented: one route for every platform. */
export const oauthStartDocSchema = z
  .object({
    instanceUrl: zHttpUrl.optional().meta({
      description: 'The instance, for a federated platform such as Mastodon (required there, refused elsewhere)',
    }),
  })
  .strict()
  .optional();

/** A front-end that receives the platform's redirect itself hands the code and state over. */
export const oauthCompleteSchema = z
  .object({
    state: z.string().min(1).max(200),
    code: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
  })
  .strict();

export const oauthCallbackSchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});
