import { z } from 'zod';
import { zNotificationKind, zNotificationSubject, zTimestamp } from '../core/http';

const subjectFields = {
  kind: zNotificationKind,
  subjectType: zNotificationSubject,
  subjectId: z.string(),
  targetId: z.string().nullable().meta({ description: 'The delivery (post target) a delivery notification is about' }),
  message: z.string().meta({ description: "Rendered in the caller's language, times in the caller's zone" }),
  path: z.string().meta({
    id: 'AppPath',
    description:
      'The page of the web app it is about, under /app (e.g. /kspi/posts/<id>; an invitation: /kspi/partners)',
  }),
  createdAt: zTimestamp,
};

export const notificationView = z
  .object({ id: z.string(), workspaceId: z.string(), ...subjectFields, resolvedAt: zTimestamp.nullable() })
  .meta({ id: 'Notification' });

export const notificationPageView = z
  .object({
    notifications: z.array(notificationView),
    nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }),
  })
  .meta({ id: 'NotificationPage' });

export const myNotificationView = z
  .object({ id: z.string(), ...subjectFields, readAt: zTimestamp.nullable() })
  .meta({ id: 'MyNotification' });

export const myNotificationPageView = z
  .object({
    notifications: z.array(myNotificationView),
    nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }),
  })
  .meta({ id: 'MyNotificationPage' });

export const unreadCountView = z.object({ unread: z.number().int() }).meta({ id: 'UnreadNotifications' });

export const markedReadView = z.object({ marked: z.number().int() }).meta({ id: 'NotificationsMarkedRead' });

export const webhookView = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(zNotificationKind),
    active: z.boolean(),
    createdAt: zTimestamp,
  })
  .meta({ id: 'Webhook' });

export type WebhookView = z.output<typeof webhookView>;

export const webhookListView = z.array(webhookView);

export const webhookCreatedView = z
  .intersection(
    webhookView,
    z.object({ secret: z.string().meta({ description: 'HMAC-SHA256 signing secret, shown only this once' }) }),
  )
  .meta({ id: 'WebhookCreated' });
