import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import type { RateBudget } from '../publishers';
import { writeAudit } from './audit';
import { Notifier } from './notifier';
import { rateWindowOpensAt } from './rate-budget';

export interface ClaimedTarget {
  id: string;
  version: number;
  attempts: number;
  lastOutcome: string | null;
}

/** What a claim found. Only `claimed` may call the platform. */
export type ClaimResult =
  | { kind: 'claimed'; target: ClaimedTarget }
  /** Wrong state or version, or the post is no longer approved at this version: exit quietly. */
  | { kind: 'stale' }
  /** Not due yet, another publish of the account is running, or the rate budget is spent. */
  | { kind: 'wait'; until: Date; reason: 'early' | 'account-busy' | 'rate-budget' }
  /** Workspace or campaign on hold, or the account is not ACTIVE: the target is now HELD. */
  | { kind: 'held'; reason: 'hold' | 'account' }
  /** "Do not publish after" passed: the target is now EXPIRED. */
  | { kind: 'expired'; notificationIds: string[] };

interface Situation {
  state: string;
  version: number;
  dueAt: Date | null;
  postStatus: string;
  approvedVersion: number | null;
  notAfterPassed: boolean;
  accountActive: boolean;
  held: boolean;
  accountBusy: boolean;
  workspaceId: string;
  now: Date;
}

/** Short wait before trying again when another publish of the same account is running. */
const ACCOUNT_BUSY_WAIT_MS = 250;

/**
 * The claim: one conditional UPDATE decides who publishes. It runs under a per-account advisory
 * lock, so one account publishes one target at a time and its rate budget is read consistently.
 * When the UPDATE matches nothing, the same transaction finds out why and records it.
 */
@Injectable()
export class ClaimRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: Notifier,
  ) {}

  /** `target.accountId` comes from the caller's read of the target (a target never changes account). */
  async claim(target: { id: string; accountId: string }, version: number, owner: string, leaseMs: number, budget: RateBudget | null): Promise<ClaimResult> {
    const targetId = target.id;
    const result = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${target.accountId}, 7))`;
      const budgetOpensAt = budget ? await rateWindowOpensAt(tx, target.accountId, budget) : null;
      if (!budgetOpensAt) {
        const claimed = await this.conditionalUpdate(tx, targetId, version, owner, leaseMs);
        if (claimed) return { kind: 'claimed', target: claimed } as const;
      }
      return this.explain(tx, targetId, version, budgetOpensAt);
    });
    if (result.kind === 'expired') await this.notifier.dispatch(result.notificationIds);
    return result;
  }

  private async conditionalUpdate(tx: Tx, targetId: string, version: number, owner: string, leaseMs: number): Promise<ClaimedTarget | null> {
    const rows = await tx.$queryRaw<ClaimedTarget[]>`
      UPDATE "PostTarget" t
         SET state = 'PUBLISHING', "leaseOwner" = ${owner}, "updatedAt" = now(),
             "leaseExpiresAt" = now() + make_interval(secs => ${leaseMs / 1000}::float8)
        FROM "Post" p, "ConnectedAccount" a, "Workspace" w
       WHERE t.id = ${targetId}::uuid AND t.version = ${version} AND t.state = 'SCHEDULED' AND t."dueAt" <= now()
         AND p.id = t."postId" AND p.status = 'APPROVED' AND p."approvedVersion" = t.version
         AND (p."notAfter" IS NULL OR p."notAfter" > now())
         AND a.id = t."accountId" AND a.status = 'ACTIVE'
         AND w.id = t."workspaceId" AND w."heldAt" IS NULL
         AND NOT EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = p."campaignId" AND c."heldAt" IS NOT NULL)
         AND NOT EXISTS (SELECT 1 FROM "PostTarget" o WHERE o."accountId" = t."accountId" AND o.id <> t.id
                           AND o.state = 'PUBLISHING' AND o."leaseExpiresAt" > now())
      RETURNING t.id, t.version, t.attempts, t."lastOutcome"::text AS "lastOutcome"`;
    return rows[0] ?? null;
  }

  private async explain(tx: Tx, targetId: string, version: number, budgetOpensAt: Date | null): Promise<ClaimResult> {
    const rows = await tx.$queryRaw<Situation[]>`
      SELECT t.state::text AS state, t.version, t."dueAt", p.status::text AS "postStatus", p."approvedVersion",
             (p."notAfter" IS NOT NULL AND p."notAfter" <= now()) AS "notAfterPassed",
             (a.status = 'ACTIVE') AS "accountActive",
             (w."heldAt" IS NOT NULL OR COALESCE(c."heldAt" IS NOT NULL, false)) AS held,
             EXISTS (SELECT 1 FROM "PostTarget" o WHERE o."accountId" = t."accountId" AND o.id <> t.id
                       AND o.state = 'PUBLISHING' AND o."leaseExpiresAt" > now()) AS "accountBusy",
             t."workspaceId"::text AS "workspaceId", now() AS now
        FROM "PostTarget" t
        JOIN "Post" p ON p.id = t."postId"
        JOIN "ConnectedAccount" a ON a.id = t."accountId"
        JOIN "Workspace" w ON w.id = t."workspaceId"
        LEFT JOIN "Campaign" c ON c.id = p."campaignId"
       WHERE t.id = ${targetId}::uuid`;
    const s = rows[0];
    if (!s || s.state !== 'SCHEDULED' || s.version !== version) return { kind: 'stale' };
    if (s.postStatus !== 'APPROVED' || s.approvedVersion !== version) return { kind: 'stale' };
    if (s.notAfterPassed) return this.expire(tx, targetId, version, s.workspaceId);
    if (s.held || !s.accountActive) return this.hold(tx, targetId, version, s.workspaceId, s.held ? 'hold' : 'account');
    if (s.dueAt && s.dueAt > s.now) return { kind: 'wait', until: s.dueAt, reason: 'early' };
    if (budgetOpensAt) {
      await tx.postTarget.updateMany({
        where: { id: targetId, version, state: 'SCHEDULED' },
        data: { dueAt: budgetOpensAt, lastErrorCode: 'engine.rate_budget', lastError: 'Waiting for the account\'s rate budget window' },
      });
      return { kind: 'wait', until: budgetOpensAt, reason: 'rate-budget' };
    }
    return { kind: 'wait', until: new Date(s.now.getTime() + ACCOUNT_BUSY_WAIT_MS), reason: 'account-busy' };
  }

  private async expire(tx: Tx, targetId: string, version: number, workspaceId: string): Promise<ClaimResult> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, version, state: 'SCHEDULED' },
      data: { state: 'EXPIRED', lastErrorCode: 'engine.not_after', lastError: 'The post\'s "do not publish after" time passed' },
    });
    if (changed.count === 0) return { kind: 'stale' };
    await writeAudit(tx, { workspaceId, actorKind: 'worker', action: 'target.expired', subjectType: 'PostTarget', subjectId: targetId, summary: { version, reason: 'not_after' } });
    const id = await this.notifier.record(tx, {
      workspaceId,
      kind: 'TARGET_EXPIRED',
      subjectType: 'PostTarget',
      subjectId: targetId,
      message: 'Tidak diterbitkan: batas "jangan terbitkan setelah" terlewati. / Not published: the "do not publish after" time passed.',
    });
    return { kind: 'expired', notificationIds: [id] };
  }

  private async hold(tx: Tx, targetId: string, version: number, workspaceId: string, reason: 'hold' | 'account'): Promise<ClaimResult> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, version, state: 'SCHEDULED' },
      data: {
        state: 'HELD',
        lastErrorCode: reason === 'hold' ? 'engine.on_hold' : 'engine.account_not_active',
        lastError: reason === 'hold' ? 'Workspace or campaign on hold' : 'The account needs a reconnect',
      },
    });
    if (changed.count === 0) return { kind: 'stale' };
    await writeAudit(tx, { workspaceId, actorKind: 'worker', action: 'target.held', subjectType: 'PostTarget', subjectId: targetId, summary: { version, reason } });
    return { kind: 'held', reason };
  }
}
