import { Injectable } from '@nestjs/common';
import { SecretBox } from '../core/crypto';
import { Egress } from '../core/egress';
import { DEFAULT_LOCALE, isLocale } from '../core/i18n';
import { SIGNATURE_HEADER, signBody } from '../core/crypto/webhook-signature';
import { renderNotification } from './catalog';
import type { WebhookDeliveryJobData } from './notifier';
import { NotificationsRepository } from './notifications.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

const DELIVERY_TIMEOUT_MS = 10_000;

/** The subject as webhook receivers have always seen it (a delivery is a PostTarget): a published contract. */
const WEBHOOK_SUBJECT = {
  POST: 'Post',
  ACCOUNT: 'ConnectedAccount',
  CAMPAIGN: 'Campaign',
  WORKSPACE: 'Workspace',
} as const;

/** Sends one notification to one endpoint; a thrown error makes BullMQ retry with backoff. */
@Injectable()
export class WebhookDeliveryService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: SecretBox,
    private readonly egress: Egress,
  ) {}

  async deliver({ notificationId, endpointId }: WebhookDeliveryJobData): Promise<void> {
    const notification = await this.repository.forDelivery(notificationId);
    const endpoint = await this.endpoints.forDelivery(endpointId);
    if (!notification || !endpoint || !endpoint.active || endpoint.workspaceId !== notification.workspaceId) return;
    const secret = this.secrets.open(
      { keyId: endpoint.secretKeyId, ciphertext: new Uint8Array(endpoint.secretCiphertext) },
      { workspaceId: endpoint.workspaceId, subject: `webhook:${endpoint.id}` },
    );
    const workspace = await this.repository.workspaceReader(notification.workspaceId);
    const reader = {
      locale: isLocale(workspace.locale) ? workspace.locale : DEFAULT_LOCALE,
      timeZone: workspace.timeZone,
    };
    const subject = notification.targetId
      ? { type: 'PostTarget', id: notification.targetId, postId: notification.subjectId }
      : { type: WEBHOOK_SUBJECT[notification.subjectType], id: notification.subjectId };
    const body = JSON.stringify({
      id: notification.id,
      event: notification.kind,
      workspaceId: notification.workspaceId,
      subject,
      params: notification.params,
      message: renderNotification(notification.kind, notification.params, reader),
      createdAt: notification.createdAt.toISOString(),
    });
    const response = await this.egress.request({
      method: 'POST',
      url: endpoint.url,
      data: body,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signBody(secret, body),
        'x-gaung-delivery': `${notification.id}`,
      },
      timeout: DELIVERY_TIMEOUT_MS,
    });
    if (response.status < 200 || response.status >= 300)
      throw new Error(`webhook endpoint answered ${response.status}`);
  }
}
