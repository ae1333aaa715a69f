import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../audit/audit.service';
import type { WorkspaceAccess } from '../auth/auth-context';
import { newSecretToken, SecretBox } from '../core/crypto';
import { type NotificationKind, PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import type { WebhookView } from './notification-views';

const WEBHOOK = { id: 'Webhook', en: 'Webhook' };

/**
 * What needs a human's attention (failed, unconfirmed or expired deliveries, accounts to reconnect,
 * posts not approved in time) and the workspace's outgoing notification webhooks. The engine writes
 * notifications and delivers the webhooks; this is their face for people.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: SecretBox,
    private readonly audit: AuditService,
  ) {}

  async list(access: WorkspaceAccess, query: { include: 'open' | 'all'; kind?: NotificationKind; before?: string; limit: number }) {
    const rows = await this.prisma.notification.findMany({
      where: {
        workspaceId: access.workspaceId,
        resolvedAt: query.include === 'open' ? null : undefined,
        kind: query.kind,
        id: query.before ? { lt: query.before } : undefined,
      },
      orderBy: { id: 'desc' },
      take: query.limit,
    });
    return { notifications: rows, nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
  }

  async resolve(access: WorkspaceAccess, notificationId: string) {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.notification.updateMany({ where: { id: notificationId, workspaceId: access.workspaceId, resolvedAt: null }, data: { resolvedAt: new Date() } });
      if (count === 0) throw AppError.conflict('already_resolved', { id: 'Pemberitahuan ini sudah ditangani.', en: 'This notification is already resolved.' });
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'notification.resolved', subjectType: 'notification', subjectId: notificationId });
    });
  }

  /** A new endpoint; its signing secret is shown once and stored sealed. */
  async addWebhook(access: WorkspaceAccess, input: { url: string; events: NotificationKind[] }) {
    const id = randomUUID();
    const secret = newSecretToken('whsec_');
    const sealed = this.secrets.seal(secret, { workspaceId: access.workspaceId, subject: `webhook:${id}` });
    const endpoint = await this.prisma.$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({
        data: { id, workspaceId: access.workspaceId, url: input.url, events: input.events, secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId },
      });
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'webhook.created', subjectType: 'webhook', subjectId: id, summary: { url: input.url, events: input.events } });
      return created;
    });
    return { ...present(endpoint), secret };
  }

  async webhooks(access: WorkspaceAccess) {
    const rows = await this.prisma.webhookEndpoint.findMany({ where: { workspaceId: access.workspaceId }, orderBy: { createdAt: 'asc' } });
    return rows.map(present);
  }

  async removeWebhook(access: WorkspaceAccess, webhookId: string) {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.deleteMany({ where: { id: webhookId, workspaceId: access.workspaceId } });
      if (count === 0) throw AppError.notFound(WEBHOOK);
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'webhook.deleted', subjectType: 'webhook', subjectId: webhookId });
    });
  }

}

function present(endpoint: { id: string; url: string; events: NotificationKind[]; active: boolean; createdAt: Date }): WebhookView {
  const { id, url, events, active, createdAt } = endpoint;
  return { id, url, events, active, createdAt };
}
