import { z } from 'zod';
import { zPlatform, zTimestamp } from '../core/http';

/** One target as it read at a version: the account's name then, and its own text (null = base text). */
export const versionTargetSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  platform: zPlatform,
  text: z.string().nullable(),
});
export type VersionTarget = z.infer<typeof versionTargetSchema>;

const postVersionView = z
  .object({
    version: z.int(),
    editor: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .meta({ description: 'Who made this version; null when unknown (versions older than this record)' }),
    createdAt: zTimestamp,
    title: z.string().nullable(),
    baseText: z.string(),
    scheduledAt: zTimestamp.nullable(),
    scheduleZone: z.string().nullable(),
    publishNow: z.boolean(),
    notAfter: zTimestamp.nullable(),
    mediaIds: z.array(z.string()),
    targets: z.array(versionTargetSchema.meta({ id: 'PostVersionTarget' })),
  })
  .meta({ id: 'PostVersion' });

export const postVersionListView = z
  .object({
    versions: z.array(postVersionView).meta({ description: 'Oldest first; the last one is the current version' }),
  })
  .meta({ id: 'PostVersionList' });
