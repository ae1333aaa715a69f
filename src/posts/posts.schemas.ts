import { z } from 'zod';
import { scheduleInputSchema } from '../core/time';
import { changesSomething, NOTHING_TO_CHANGE, zInstant, zPostStatus, zUuid } from '../core/http';
import { inputMessage } from '../core/i18n';

const targetSchema = z
  .object({
    accountId: zUuid,
    /** This platform's own text; omit or null to use the base text. */
    text: z.string().max(70_000).nullable().optional(),
  })
  .strict()
  .meta({ id: 'PostTargetInput' });

export const postFields = {
  campaignId: zUuid.nullable(),
  title: z.string().trim().max(300).nullable(),
  baseText: z.string().max(70_000),
  targets: z
    .array(targetSchema)
    .min(1)
    .max(25)
    .refine(
      (targets) => new Set(targets.map((t) => t.accountId)).size === targets.length,
      inputMessage({ id: 'Satu akun hanya sekali', en: 'Each account at most once' }),
    ),
  /** An instant with offset ("2027-05-01T09:00:00+09:00"), or a wall-clock time plus zone ("2027-05-01T09:00" in Asia/Jayapura). */
  schedule: scheduleInputSchema.nullable(),
  /** Instead of a time: publish as soon as a coordinator approves (the approval sets the time). */
  publishNow: z.boolean(),
  notAfter: zInstant.nullable(),
  mediaIds: z.array(zUuid).max(10),
};

const oneWayToTime = {
  check: (value: { schedule?: unknown; publishNow?: boolean }) => !(value.publishNow === true && value.schedule),
  message: {
    message: inputMessage({
      id: 'Pilih waktu terbit atau "terbitkan sekarang", tidak keduanya',
      en: 'Give a time or "publish now", not both',
    }),
    path: ['publishNow'],
  },
};

export const createPostSchema = z
  .object(postFields)
  .partial()
  .required({ baseText: true, targets: true })
  .strict()
  .refine(oneWayToTime.check, oneWayToTime.message)
  .meta({ id: 'PostInput' });

export const updatePostSchema = z
  .object(postFields)
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE)
  .refine(oneWayToTime.check, oneWayToTime.message)
  .meta({ id: 'PostChanges' });

export const listPostsSchema = z
  .object({
    status: zPostStatus.optional(),
    campaignId: zUuid.optional(),
    authorId: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Keyset cursor: posts created before this id (ids are time-ordered). */
    before: zUuid.optional(),
  })
  .strict();

export const approveSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The version you read (a post changed since answers 409 version_changed)' }),
  })
  .strict()
  .meta({ id: 'VersionSeen' });
export const commentSchema = z
  .object({ body: z.string().trim().min(1).max(4000) })
  .strict()
  .meta({ id: 'CommentInput' });
export const rescheduleSchema = z
  .object({ schedule: scheduleInputSchema, notAfter: zInstant.nullable().optional() })
  .strict();

export type CreatePost = z.infer<typeof createPostSchema>;
export type UpdatePost = z.infer<typeof updatePostSchema>;
