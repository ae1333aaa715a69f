import { z } from 'zod';
import { zTimestamp } from '../core/http';

const mediaUseView = z
  .object({
    postId: z.string(),
    status: z
      .string()
      .meta({ description: "The post's status (DRAFT, IN_REVIEW, CHANGES_REQUESTED, APPROVED, CANCELLED)" }),
    scheduledAt: zTimestamp.nullable(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
  })
  .meta({ id: 'MediaUse' });

export const mediaView = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: 'IMAGE or VIDEO' }),
    mimeType: z.string(),
    byteSize: z.int(),
    width: z.int().nullable(),
    height: z.int().nullable(),
    durationMs: z.int().nullable().meta({ description: 'Length of a video in milliseconds; null for images' }),
    altText: z.string().nullable().meta({ description: 'Description for screen readers' }),
    tags: z.array(z.string()),
    metadata: z.enum(['STRIPPED', 'KEPT_VIDEO', 'KEPT_OLDER_UPLOAD']).meta({
      description:
        'STRIPPED: EXIF, XMP and IPTC (GPS position, camera serial, owner) were removed before storing. ' +
        'KEPT_VIDEO: a video is stored as uploaded, its container metadata (which may hold a location) is NOT removed. ' +
        'KEPT_OLDER_UPLOAD: an image uploaded before stripping existed; upload it again to strip it.',
    }),
    usedIn: z
      .array(mediaUseView)
      .meta({ description: 'Posts that use this media (with their campaigns), newest first' }),
    createdAt: zTimestamp,
    originalUrl: z.string().meta({ description: 'Short-lived signed URL of the stored file' }),
    previewUrl: z.string().meta({
      description: 'Short-lived signed URL of a screen-sized WebP copy (the original for video and older uploads)',
    }),
    thumbnailUrl: z
      .string()
      .nullable()
      .meta({ description: 'Short-lived signed URL of a small WebP copy; null for video and older uploads' }),
    previewExpiresAt: zTimestamp.meta({ description: 'When the URLs above stop working; list again for fresh ones' }),
  })
  .meta({ id: 'Media' });

export type MediaView = z.output<typeof mediaView>;

export const mediaListView = z.array(mediaView);
