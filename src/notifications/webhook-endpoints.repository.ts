import { Injectable } from '@nestjs/common';
import { type NotificationKind, PrismaService, type Tx } from '../core/database';

const ENDPOINT_FIELDS = { id: true, url: true, events: true, active: true, createdAt: true } as const;

export interface NewEndpoint {
  id: string;
  workspaceId: string;
  url: string;
  events: NotificationKind[];
  secretCiphertext: Uint8Array<ArrayBuffer>;
  secretKeyId: string;
}

/** The workspace's outgoing notification webhooks (their sealed signing secrets are never listed). */
@Injectable()
export class WebhookEndpointsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(tx: Tx, endpoint: NewEndpoint) {
    return tx.webhookEndpoint.create({ data: endpoint, select: ENDPOINT_FIELDS });
  }

  list(workspaceId: string) {
    return this.prisma.webhookEndpoint.findMany({
      where: { workspaceId },
      orderBy: { createdAt: 'asc' },
      select: ENDPOINT_FIELDS,
    });
  }

  /** 0 when the endpoint is not this workspace's. */
  async delete(tx: Tx, workspaceId: string, endpointId: string): Promise<number> {
    return (await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, workspaceId } })).count;
  }

  /** The active endpoints of the workspace subscribed to this kind. */
  subscribedTo(workspaceId: string, kind: NotificationKind) {
    return this.prisma.webhookEndpoint.findMany({
      where: { workspaceId, active: true, events: { has: kind } },
      select: { id: true },
    });
  }

  /**
   * One endpoint with its sealed secret, for a queued delivery whose payload names only ids: the
   * caller checks that it belongs to the notification's workspace.
   */
  forDelivery(endpointId: string) {
    return this.prisma.webhookEndpoint.findUnique({
      where: { id: endpointId },
      select: { id: true, workspaceId: true, url: true, active: true, secretCiphertext: true, secretKeyId: true },
    });
  }
}
