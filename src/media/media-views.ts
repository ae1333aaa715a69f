import { z } from 'zod';
import { zTimestamp } from '../core/http';

export const mediaView = z
  .object({
    id: z.string(),
    kind: z.string().meta({ description: 'IMAGE or VIDEO' }),
    mimeType: z.string(),
    byteSize: z.int(),
    width: z.int().nullable(),
    height: z.int().nullable(),
    altText: z.string().nullable().meta({ description: 'Description for screen readers' }),
    createdAt: zTimestamp,
    previewUrl: z.string().meta({ description: 'Short-lived signed URL for a thumbnail in the browser' }),
    previewExpiresAt: zTimestamp.meta({ description: 'When previewUrl stops working; list again for a fresh one' }),
  })
  .meta({ id: 'Media' });

export type MediaView = z.output<typeof mediaView>;

export const mediaListView = z.array(mediaView);
