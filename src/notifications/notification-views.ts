import { z } from 'zod';
import { zNotificationKind, zTimestamp } from '../core/http';

export const notificationView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    kind: zNotificationKind,
    subjectType: z.string(),
    subjectId: z.string(),
    message: z.string(),
    resolvedAt: zTimestamp.nullable(),
    createdAt: zTimestamp,
  })
  .meta({ id: 'Notification' });

export const notificationPageView = z
  .object({ notifications: z.array(notificationView), nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }) })
  .meta({ id: 'NotificationPage' });

export const webhookView = z
  .object({ id: z.string(), url: z.string(), events: z.array(zNotificationKind), active: z.boolean(), createdAt: zTimestamp })
  .meta({ id: 'Webhook' });

export type WebhookView = z.output<typeof webhookView>;

export const webhookListView = z.array(webhookView);

export const webhookCreatedView = z
  .intersection(webhookView, z.object({ secret: z.string().meta({ description: 'HMAC-SHA256 signing secret, shown only this once' }) }))
  .meta({ id: 'WebhookCreated' });
