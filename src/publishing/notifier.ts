import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PrismaService, type NotificationKind, type Tx } from '../core/database';
import { MAINTENANCE_QUEUE } from '../core/queue';

export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

export interface WebhookDeliveryJobData {
  notificationId: string;
  endpointId: string;
}

export interface NewNotification {
  workspaceId: string;
  kind: NotificationKind;
  subjectType: string;
  subjectId: string;
  message: string;
}

/**
 * Notifications are rows written in the transaction of the change that causes them; outgoing
 * webhooks are queued after that transaction commits (never inside it).
 */
@Injectable()
export class Notifier {
  constructor(
    private readonly prisma: PrismaService,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue<WebhookDeliveryJobData>,
  ) {}

  async record(tx: Tx, notification: NewNotification): Promise<string> {
    const row = await tx.notification.create({ data: { ...notification, message: notification.message.slice(0, 2000) } });
    return row.id;
  }

  /** Queues one signed delivery per active endpoint subscribed to each notification's kind. */
  async dispatch(notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const notifications = await this.prisma.notification.findMany({ where: { id: { in: notificationIds } } });
    for (const notification of notifications) {
      const endpoints = await this.prisma.webhookEndpoint.findMany({
        where: { workspaceId: notification.workspaceId, active: true, events: { has: notification.kind } },
        select: { id: true },
      });
      if (endpoints.length === 0) continue;
      await this.queue.addBulk(
        endpoints.map((endpoint) => ({
          name: WEBHOOK_DELIVERY_JOB,
          data: { notificationId: notification.id, endpointId: endpoint.id },
          opts: {
            jobId: `wh-${notification.id}-${endpoint.id}`,
            attempts: 8,
            backoff: { type: 'exponential', delay: 2_000 },
            removeOnComplete: true,
            removeOnFail: 1000,
          },
        })),
      );
    }
  }
}
