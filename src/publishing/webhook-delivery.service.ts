import { Injectable } from '@nestjs/common';
import { SecretBox } from '../core/crypto';
import { PrismaService } from '../core/database';
import { Egress } from '../core/egress';
import type { WebhookDeliveryJobData } from './notifier';
import { SIGNATURE_HEADER, signBody } from '../publishers/webhook/webhook-signature';

const DELIVERY_TIMEOUT_MS = 10_000;

/** Sends one notification to one endpoint; a thrown error makes BullMQ retry with backoff. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly secrets: SecretBox,
    private readonly egress: Egress,
  ) {}

  async deliver({ notificationId, endpointId }: WebhookDeliveryJobData): Promise<void> {
    const notification = await this.prisma.notification.findUnique({ where: { id: notificationId } });
    const endpoint = await this.prisma.webhookEndpoint.findUnique({ where: { id: endpointId } });
    if (!notification || !endpoint || !endpoint.active || endpoint.workspaceId !== notification.workspaceId) return;
    const secret = this.secrets.open(
      { keyId: endpoint.secretKeyId, ciphertext: new Uint8Array(endpoint.secretCiphertext) },
      { workspaceId: endpoint.workspaceId, subject: `webhook:${endpoint.id}` },
    );
    const body = JSON.stringify({
      id: notification.id,
      event: notification.kind,
      workspaceId: notification.workspaceId,
      subject: { type: notification.subjectType, id: notification.subjectId },
      message: notification.message,
      createdAt: notification.createdAt.toISOString(),
    });
    const response = await this.egress.request({
      method: 'POST',
      url: endpoint.url,
      data: body,
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(secret, body), 'x-gaung-delivery': `${notification.id}` },
      timeout: DELIVERY_TIMEOUT_MS,
    });
    if (response.status < 200 || response.status >= 300) throw new Error(`webhook endpoint answered ${response.status}`);
  }
}
