import { Injectable } from '@nestjs/common';
import { AccountCredentialsStore } from '../core/credentials';
import { AccountsRepository } from '../accounts/accounts.repository';
import type { ConnectedAccount } from '../core/database';
import { AppError } from '../core/errors';
import { verifySignature } from '../core/crypto/webhook-signature';
import { DEMO_RECEIVER_PATH } from './demo-seed';

export interface DemoDelivery {
  idempotencyKey: string;
  accountId: string;
  receivedAt: string;
  body: unknown;
}

/** What a delivery says about itself; believed only once its signature checks with that account's own secret. */
export interface DeliveryClaim {
  workspaceId?: unknown;
  accountId?: unknown;
}

const KEEP_PER_WORKSPACE = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RECEIVER = { id: 'Penerima webhook demo', en: 'Demo webhook receiver' };

/**
 * The receiving end of demo WEBHOOK channels (development only). A delivery is accepted when it is
 * signed with the secret of the WEBHOOK account it names, and that account points here; it is kept
 * for that account's workspace only, and only that workspace's members can list it.
 */
@Injectable()
export class DemoReceiverService {
  private readonly byWorkspace = new Map<string, DemoDelivery[]>();

  constructor(
    private readonly accounts: AccountsRepository,
    private readonly credentials: AccountCredentialsStore,
  ) {}

  async receive(
    claim: DeliveryClaim,
    raw: string,
    signature: string,
    idempotencyKey: string,
    body: unknown,
  ): Promise<{ id: string; duplicate: boolean }> {
    const { workspaceId, accountId } = claim;
    const account =
      typeof workspaceId === 'string' && typeof accountId === 'string' && UUID.test(workspaceId) && UUID.test(accountId)
        ? await this.accounts.find(workspaceId, accountId)
        : null;
    if (!account || !pointsHere(account)) throw AppError.notFound(RECEIVER);
    const secret = this.credentials.open(account).secret;
    if (typeof secret !== 'string' || !verifySignature(secret, raw, signature)) {
      throw AppError.unauthorized('bad_signature', {
        id: 'Tanda tangan webhook tidak valid.',
        en: 'Invalid webhook signature.',
      });
    }
    const deliveries = this.byWorkspace.get(account.workspaceId) ?? [];
    const earlier = deliveries.find((d) => d.idempotencyKey === idempotencyKey);
    if (!earlier) {
      deliveries.unshift({ idempotencyKey, accountId: account.id, receivedAt: new Date().toISOString(), body });
      deliveries.length = Math.min(deliveries.length, KEEP_PER_WORKSPACE);
      this.byWorkspace.set(account.workspaceId, deliveries);
    }
    return { id: idempotencyKey, duplicate: Boolean(earlier) };
  }

  /** The workspace's own deliveries; 404 for a workspace without a demo channel (no demo data). */
  async list(workspaceId: string): Promise<DemoDelivery[]> {
    const channels = (await this.accounts.list(workspaceId, false)).filter(pointsHere);
    if (channels.length === 0) throw AppError.notFound(RECEIVER);
    return this.byWorkspace.get(workspaceId) ?? [];
  }
}

function pointsHere(account: ConnectedAccount): boolean {
  return (
    account.platform === 'WEBHOOK' &&
    account.status !== 'DISABLED' &&
    (account.baseUrl ?? '').endsWith(DEMO_RECEIVER_PATH)
  );
}
