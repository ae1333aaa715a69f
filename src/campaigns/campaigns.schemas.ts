import { z } from 'zod';
import { changesSomething, NOTHING_TO_CHANGE, zIanaZone, zInstant, zLatePolicy, zName, zUuid } from '../core/http';
import { inputMessage } from '../core/i18n';

const hashtag = z
  .string()
  .regex(/^#?[\p{L}\p{N}_]{1,100}$/u, inputMessage({ id: 'Tagar tanpa spasi', en: 'A hashtag without spaces' }));

const campaignFields = {
  name: zName,
  goal: z.string().max(4000).nullable(),
  keyMessages: z.array(z.string().trim().min(1).max(500)).max(20),
  hashtags: z.array(hashtag).max(30),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, inputMessage({ id: 'Warna seperti #c0392b', en: 'A colour like #c0392b' })),
  startsAt: zInstant.nullable(),
  endsAt: zInstant.nullable(),
  timeZone: zIanaZone,
  latePolicy: zLatePolicy,
  lateGraceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60),
};

const endsAfterStart = (value: { startsAt?: string | null; endsAt?: string | null }) =>
  !value.startsAt || !value.endsAt || Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsMessage = {
  message: inputMessage({ id: 'Tanggal selesai harus setelah tanggal mulai', en: 'The end must be after the start' }),
  path: ['endsAt'],
};

export const createCampaignSchema = z
  .object(campaignFields)
  .partial()
  .required({ name: true })
  .strict()
  .refine(endsAfterStart, endsMessage);

export const updateCampaignSchema = z
  .object(campaignFields)
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .refine(endsAfterStart, endsMessage);

export const listCampaignsSchema = z
  .object({
    include: z.enum(['active', 'archived', 'all']).default('active'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: zUuid.optional(),
  })
  .strict();

export const invitePartnerSchema = z.object({ workspace: z.string().min(1).max(64) }).strict();

export type CreateCampaign = z.infer<typeof createCampaignSchema>;
export type UpdateCampaign = z.infer<typeof updateCampaignSchema>;
