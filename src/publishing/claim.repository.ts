import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Platform, type PostStatus, type Tx } from '../core/database';
import type { RateBudget } from '../publishers';
import { recordAudit, WORKER } from '../core/audit';
import { DeliveryNotices } from '../notifications/notifier';
import { rateWindowOpensAt } from './rate-budget.repository';
import { isPublishable, PUBLISHABLE_SQL } from './publishable';

/** A claimed target with everything the platform call needs (one round trip: gaung_claim). */
export interface ClaimedTarget {
  targetId: string;
  version: number;
  attempts: number;
  lastOutcome: string | null;
  /** An earlier call of this version may have posted: a later dead end is UNCONFIRMED, not FAILED. */
  priorAmbiguous: boolean;
  workspaceId: string;
  postId: string;
  text: string;
  title: string | null;
  scheduledAt: Date | null;
  hasMedia: boolean;
  accountId: string;
  accountWorkspaceId: string;
  baseUrl: string | null;
  externalId: string | null;
  handle: string | null;
  settings: unknown;
  credentialsCiphertext: Uint8Array | null;
  credentialsKeyId: string | null;
}

/** What a claim found. Only `claimed` may call the platform. */
export type ClaimResult =
  | { kind: 'claimed'; target: ClaimedTarget }
  /** Wrong state or version, or the post is no longer approved at this version: exit quietly. */
  | { kind: 'stale' }
  /** Not due yet, another publish of the account is running, or the rate budget is spent. */
  | { kind: 'wait'; until: Date; reason: 'early' | 'account-busy' | 'rate-budget'; attempts: number }
  /** Workspace or campaign on hold, or the account is not ACTIVE: the target is now HELD. */
  | { kind: 'held'; reason: 'hold' | 'account' }
  /** "Do not publish after" passed: the target is now EXPIRED. */
  | { kind: 'expired'; notificationIds: string[] };

interface Situation {
  state: string;
  version: number;
  attempts: number;
  dueAt: Date | null;
  postStatus: PostStatus;
  approvedVersion: number | null;
  notAfterPassed: boolean;
  accountActive: boolean;
  held: boolean;
  /** When the running publish of the same account would be given up for dead, if one runs. */
  busyUntil: Date | null;
  workspaceId: string;
  now: Date;
}

/** A claim that lost a race with a change of the situation tries again this soon. */
const RACE_RETRY_MS = 100;

/**
 * The claim: one conditional UPDATE decides who publishes, under a per-account advisory lock (one
 * publish at a time per account, rate budget read consistently) and share locks on the post, its
 * workspace and campaign. It runs server-side in one round trip (gaung_claim, see its migration).
 * When it claims nothing, a second transaction under the same locks finds out why and records it.
 */
@Injectable()
export class ClaimRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: DeliveryNotices,
  ) {}

  async claim(
    accountId: string,
    targetId: string,
    version: number,
    owner: string,
    leaseMs: number,
    budget: RateBudget | null,
  ): Promise<ClaimResult> {
    const claimed = await this.claimOf(accountId, targetId, version, owner, leaseMs, budget);
    if (claimed) return { kind: 'claimed', target: claimed };
    const result = await this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${accountId}, 7))`;
      await this.shareLockOwners(tx, targetId);
      const budgetOpensAt = budget ? await rateWindowOpensAt(tx, accountId, budget) : null;
      return this.explain(tx, targetId, version, budgetOpensAt);
    });
    if (result.kind === 'expired') await this.notifier.dispatch(result.notificationIds);
    return result;
  }

  /**
   * The hand-off: claims the account's next due target when one of its publishes ends, so a burst
   * for one account runs back to back instead of each wake-up polling for its turn. Null when
   * nothing of the account can be claimed now; the targets' own wake-ups then explain why.
   */
  claimNext(
    accountId: string,
    owner: string,
    leaseMs: number,
    budget: RateBudget | null,
  ): Promise<ClaimedTarget | null> {
    return this.claimOf(accountId, null, null, owner, leaseMs, budget);
  }

  /**
   * Extends a running publish's lease while its worker lives (PublishEngine renews it every third
   * of the lease), so a short lease can be kept for a long upload and a dead worker's ends soon.
   * False when the lease is no longer this worker's.
   */
  async renewLease(targetId: string, version: number, owner: string, leaseMs: number): Promise<boolean> {
    const rows = await this.prisma.hotStatement<{ id: string }>(Prisma.sql`
      UPDATE "PostTarget" SET "leaseExpiresAt" = now() + make_interval(secs => ${leaseMs}::int / 1000.0)
       WHERE id = ${targetId}::uuid AND version = ${version}::int AND state = 'PUBLISHING' AND "leaseOwner" = ${owner}
      RETURNING id`);
    return rows.length > 0;
  }

  /**
   * The account a woken target delivers to. Not scoped by workspace: a wake-up carries the target
   * id only (ids-only payloads), and the claim that follows checks everything else.
   */
  async accountOf(targetId: string): Promise<{ id: string; platform: Platform } | null> {
    const target = await this.prisma.postTarget.findUnique({
      where: { id: targetId },
      select: { account: { select: { id: true, platform: true } } },
    });
    return target?.account ?? null;
  }

  /** Gives a claimed target back as HELD without a platform call (its credentials cannot be opened). */
  async releaseUnreadable(claimed: ClaimedTarget, owner: string): Promise<void> {
    const state = 'HELD';
    const reason = 'credentials cannot be decrypted';
    await this.prisma.$transaction(async (tx) => {
      const changed = await tx.postTarget.updateMany({
        where: { id: claimed.targetId, workspaceId: claimed.workspaceId, state: 'PUBLISHING', leaseOwner: owner },
        data: { state, leaseOwner: null, leaseExpiresAt: null, lastErrorCode: 'engine.recheck', lastError: reason },
      });
      if (changed.count > 0) {
        await recordAudit(tx, {
          workspaceId: claimed.workspaceId,
          actor: WORKER,
          action: 'target.released',
          subjectType: 'target',
          subjectId: claimed.targetId,
          summary: { state, reason },
        });
      }
    });
  }

  /** The account's earliest due SCHEDULED target, whose wake-up should run now. */
  async nextDue(accountId: string): Promise<{ id: string; version: number; attempts: number; dueAt: Date } | null> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string; version: number; attempts: number; dueAt: Date }>>`
      SELECT t.id::text AS id, t.version, t.attempts, t."dueAt"
        FROM "PostTarget" t JOIN "Post" p ON p.id = t."postId"
       WHERE t."accountId" = ${accountId}::uuid AND t.state = 'SCHEDULED' AND t."dueAt" <= now()
         AND ${PUBLISHABLE_SQL}
       ORDER BY t."dueAt" LIMIT 1`;
    return rows[0] ?? null;
  }

  private async claimOf(
    accountId: string,
    targetId: string | null,
    version: number | null,
    owner: string,
    leaseMs: number,
    budget: RateBudget | null,
  ): Promise<ClaimedTarget | null> {
    const rows = await this.prisma.hotStatement<ClaimedTarget>(Prisma.sql`
      SELECT * FROM gaung_claim(${accountId}::uuid, ${targetId}::uuid, ${version}::int, ${owner}, ${leaseMs}::int,
                                ${budget?.posts ?? null}::int, ${budget?.windowMs ?? null}::int)`);
    return rows[0] ?? null;
  }

  /**
   * Edits, cancels and holds lock the post, workspace or campaign row for update. A share lock on
   * them orders the explanation strictly before or after such a change, as it does the claim.
   */
  private async shareLockOwners(tx: Tx, targetId: string): Promise<void> {
    const post = Prisma.sql`(SELECT "postId" FROM "PostTarget" WHERE id = ${targetId}::uuid)`;
    await tx.$queryRaw`
      SELECT 1 AS locked FROM "Post" p JOIN "Workspace" w ON w.id = p."workspaceId" WHERE p.id = ${post} FOR SHARE`;
    await tx.$queryRaw`
      SELECT 1 AS locked FROM "Campaign" c WHERE c.id = (SELECT "campaignId" FROM "Post" WHERE id = ${post}) FOR SHARE`;
  }

  private async explain(tx: Tx, targetId: string, version: number, budgetOpensAt: Date | null): Promise<ClaimResult> {
    const rows = await tx.$queryRaw<Situation[]>`
      SELECT t.state::text AS state, t.version, t.attempts, t."dueAt", p.status::text AS "postStatus", p."approvedVersion",
             (p."notAfter" IS NOT NULL AND p."notAfter" <= now()) AS "notAfterPassed",
             (a.status = 'ACTIVE') AS "accountActive",
             (w."heldAt" IS NOT NULL OR COALESCE(c."heldAt" IS NOT NULL, false)) AS held,
             (SELECT max(o."leaseExpiresAt") FROM "PostTarget" o WHERE o."accountId" = t."accountId" AND o.id <> t.id
                AND o.state = 'PUBLISHING' AND o."leaseExpiresAt" > now()) AS "busyUntil",
             t."workspaceId"::text AS "workspaceId", now() AS now
        FROM "PostTarget" t
        JOIN "Post" p ON p.id = t."postId"
        JOIN "ConnectedAccount" a ON a.id = t."accountId"
        JOIN "Workspace" w ON w.id = t."workspaceId"
        LEFT JOIN "Campaign" c ON c.id = p."campaignId"
       WHERE t.id = ${targetId}::uuid`;
    const s = rows[0];
    if (!s || s.state !== 'SCHEDULED' || s.version !== version) return { kind: 'stale' };
    if (!isPublishable({ status: s.postStatus, approvedVersion: s.approvedVersion }, version)) return { kind: 'stale' };
    if (s.notAfterPassed) return this.expire(tx, targetId, version, s.workspaceId);
    if (s.held || !s.accountActive) return this.hold(tx, targetId, version, s.workspaceId, s.held ? 'hold' : 'account');
    if (s.dueAt && s.dueAt > s.now) return { kind: 'wait', until: s.dueAt, reason: 'early', attempts: s.attempts };
    if (budgetOpensAt) {
      await tx.postTarget.updateMany({
        where: { id: targetId, version, state: 'SCHEDULED' },
        data: {
          dueAt: budgetOpensAt,
          lastErrorCode: 'engine.rate_budget',
          lastError: "Waiting for the account's rate budget window",
        },
      });
      return { kind: 'wait', until: budgetOpensAt, reason: 'rate-budget', attempts: s.attempts };
    }
    if (s.busyUntil) {
      // The running publish hands the account on when it ends (claimNext); this wake-up is only the
      // safety net for a worker that dies mid-publish, whose lease the sweeper then resolves.
      return { kind: 'wait', until: s.busyUntil, reason: 'account-busy', attempts: s.attempts };
    }
    // Everything looked claimable a moment ago (the situation changed in between): try again soon.
    return {
      kind: 'wait',
      until: new Date(s.now.getTime() + RACE_RETRY_MS),
      reason: 'account-busy',
      attempts: s.attempts,
    };
  }

  private async expire(tx: Tx, targetId: string, version: number, workspaceId: string): Promise<ClaimResult> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, version, state: 'SCHEDULED' },
      data: {
        state: 'EXPIRED',
        lastErrorCode: 'engine.not_after',
        lastError: 'The post\'s "do not publish after" time passed',
      },
    });
    if (changed.count === 0) return { kind: 'stale' };
    await recordAudit(tx, {
      workspaceId,
      actor: WORKER,
      action: 'target.expired',
      subjectType: 'target',
      subjectId: targetId,
      summary: { version, reason: 'not_after' },
    });
    const notificationIds = await this.notifier.delivery(tx, workspaceId, targetId, 'TARGET_EXPIRED', {
      cause: 'not_after',
      lateMinutes: null,
    });
    return { kind: 'expired', notificationIds };
  }

  private async hold(
    tx: Tx,
    targetId: string,
    version: number,
    workspaceId: string,
    reason: 'hold' | 'account',
  ): Promise<ClaimResult> {
    const changed = await tx.postTarget.updateMany({
      where: { id: targetId, version, state: 'SCHEDULED' },
      data: {
        state: 'HELD',
        lastErrorCode: reason === 'hold' ? 'engine.on_hold' : 'engine.account_not_active',
        lastError: reason === 'hold' ? 'Workspace or campaign on hold' : 'The account needs a reconnect',
      },
    });
    if (changed.count === 0) return { kind: 'stale' };
    await recordAudit(tx, {
      workspaceId,
      actor: WORKER,
      action: 'target.held',
      subjectType: 'target',
      subjectId: targetId,
      summary: { version, reason },
    });
    return { kind: 'held', reason };
  }
}
