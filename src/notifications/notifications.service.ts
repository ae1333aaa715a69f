import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { newSecretToken, SecretBox } from '../core/crypto';
import { type NotificationKind, PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import { renderNotification } from './catalog';
import { objectPath } from './mail-content';
import type { WebhookView } from './notification-views';
import { NotificationsRepository } from './notifications.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

const WEBHOOK = { id: 'Webhook', en: 'Webhook' };
const NOTIFICATION = { id: 'Pemberitahuan', en: 'Notification' };

/**
 * Notifications as people read them: the workspace's list of what needs attention (with resolve),
 * each user's own list with read state, and the workspace's outgoing notification webhooks. The
 * Notifier writes notifications; this is their face for people.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
    private readonly repository: NotificationsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
  ) {}

  /** The workspace's list of what needs attention, each rendered for the caller. */
  async list(
    access: WorkspaceAccess,
    query: { include: 'open' | 'all'; kind?: NotificationKind; before?: string; limit: number },
  ) {
    const [rows, reader] = await Promise.all([
      this.repository.workspaceList(access.workspaceId, query),
      this.repository.reader(access.workspaceId, access.userId),
    ]);
    const workspace = { slug: access.workspaceSlug };
    const notifications = rows.map(({ params, ...row }) => ({
      ...row,
      message: renderNotification(row.kind, params, reader),
      path: objectPath({ ...row, workspace }),
    }));
    return { notifications, nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
  }

  /** The caller's own notifications in this workspace, newest first, in their language and zone. */
  async mine(access: WorkspaceAccess, query: { unread: boolean; before?: string; limit: number }) {
    const [rows, reader] = await Promise.all([
      this.repository.mine(access.workspaceId, access.userId, query),
      this.repository.reader(access.workspaceId, access.userId),
    ]);
    const workspace = { slug: access.workspaceSlug };
    const notifications = rows.map(({ readAt, notification: { params, ...row } }) => ({
      ...row,
      readAt,
      message: renderNotification(row.kind, params, reader),
      path: objectPath({ ...row, workspace }),
    }));
    return { notifications, nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.notification.id : null };
  }

  async unreadCount(access: WorkspaceAccess) {
    return { unread: await this.repository.unreadCount(access.workspaceId, access.userId) };
  }

  /** Only the caller's own: someone else's notification answers 404 like one that does not exist. */
  async markRead(access: WorkspaceAccess, notificationId: string) {
    if ((await this.repository.markRead(access.workspaceId, access.userId, notificationId)) === 0)
      throw AppError.notFound(NOTIFICATION);
  }

  async markAllRead(access: WorkspaceAccess) {
    return { marked: await this.repository.markAllRead(access.workspaceId, access.userId) };
  }

  async resolve(access: WorkspaceAccess, notificationId: string) {
    await this.prisma.$transaction(async (tx) => {
      const count = await this.repository.resolve(tx, access.workspaceId, notificationId);
      if (count === 0)
        throw AppError.conflict('already_resolved', {
          id: 'Pemberitahuan ini sudah ditangani.',
          en: 'This notification is already resolved.',
        });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'notification.resolved',
        subjectType: 'notification',
        subjectId: notificationId,
      });
    });
  }

  /** A new endpoint; its signing secret is shown once and stored sealed. */
  async addWebhook(access: WorkspaceAccess, input: { url: string; events: NotificationKind[] }) {
    const id = randomUUID();
    const secret = newSecretToken('whsec_');
    const sealed = this.secrets.seal(secret, { workspaceId: access.workspaceId, subject: `webhook:${id}` });
    const endpoint = await this.prisma.$transaction(async (tx) => {
      const created = await this.endpoints.create(tx, {
        id,
        workspaceId: access.workspaceId,
        url: input.url,
        events: input.events,
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
      });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'webhook.created',
        subjectType: 'webhook',
        subjectId: id,
        summary: { url: input.url, events: input.events },
      });
      return created;
    });
    return { ...present(endpoint), secret };
  }

  async webhooks(access: WorkspaceAccess) {
    return (await this.endpoints.list(access.workspaceId)).map(present);
  }

  async removeWebhook(access: WorkspaceAccess, webhookId: string) {
    await this.prisma.$transaction(async (tx) => {
      if ((await this.endpoints.delete(tx, access.workspaceId, webhookId)) === 0) throw AppError.notFound(WEBHOOK);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'webhook.deleted',
        subjectType: 'webhook',
        subjectId: webhookId,
      });
    });
  }
}

function present(endpoint: {
  id: string;
  url: string;
  events: NotificationKind[];
  active: boolean;
  createdAt: Date;
}): WebhookView {
  const { id, url, events, active, createdAt } = endpoint;
  return { id, url, events, active, createdAt };
}
