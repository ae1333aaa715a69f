import { Injectable } from '@nestjs/common';
import { PrismaService, type Tx } from '../core/database';
import { recordAttempt } from './attempt-ledger.repository';
import type { WakeTarget } from './delivery-scheduler';
import { PUBLISHABLE_SQL } from './publishable';

/**
 * The sweeper's look-ups and conditional repairs. The look-ups span every workspace on purpose (the
 * sweeper is the whole system's safety net); each repair takes the workspace id of the row it read
 * and only writes when the row is still as read, so two sweepers at once do no harm.
 */
const LEASE_EXPIRED = { code: 'engine.lease_expired', message: 'The worker stopped during the publish' };

@Injectable()
export class SweeperRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** SCHEDULED, publishable targets due by `horizon`, soonest first. */
  dueScheduled(horizon: Date, limit: number): Promise<WakeTarget[]> {
    // Raw SQL: "publishable" compares the post's approvedVersion with the target's version, a column
    // of another table, which a Prisma where cannot express; PUBLISHABLE_SQL is that rule's one SQL form.
    return this.prisma.$queryRaw<WakeTarget[]>`
      SELECT t.id::text AS id, t.version, t."dueAt", t.attempts
        FROM "PostTarget" t JOIN "Post" p ON p.id = t."postId"
       WHERE t.state = 'SCHEDULED' AND t."dueAt" <= ${horizon}
         AND ${PUBLISHABLE_SQL}
       ORDER BY t."dueAt" LIMIT ${limit}`;
  }

  /** PUBLISHING targets whose lease ran out (their worker died). */
  expiredLeases(now: Date, limit: number) {
    return this.prisma.postTarget.findMany({
      where: { state: 'PUBLISHING', leaseExpiresAt: { lt: now } },
      select: {
        id: true,
        version: true,
        attempts: true,
        workspaceId: true,
        accountId: true,
        leaseOwner: true,
        leaseExpiresAt: true,
        account: { select: { platform: true, settings: true } },
      },
      take: limit,
    });
  }

  /**
   * Ends an expired lease with an AMBIGUOUS outcome: SCHEDULED now when `retry`, else UNCONFIRMED,
   * and writes the AMBIGUOUS call to the attempt ledger. False (and nothing written) when the lease
   * changed since it was read.
   */
  async endExpiredLease(
    tx: Tx,
    workspaceId: string,
    lease: { id: string; accountId: string; version: number; leaseOwner: string | null; leaseExpiresAt: Date | null },
    retry: boolean,
    now: Date,
  ): Promise<boolean> {
    const changed = await tx.postTarget.updateMany({
      where: {
        id: lease.id,
        workspaceId,
        state: 'PUBLISHING',
        leaseOwner: lease.leaseOwner,
        leaseExpiresAt: lease.leaseExpiresAt,
      },
      data: {
        state: retry ? 'SCHEDULED' : 'UNCONFIRMED',
        ...(retry ? { dueAt: now } : {}),
        attempts: { increment: 1 },
        leaseOwner: null,
        leaseExpiresAt: null,
        lastOutcome: 'AMBIGUOUS',
        lastErrorCode: LEASE_EXPIRED.code,
        lastError: LEASE_EXPIRED.message,
      },
    });
    if (changed.count === 0) return false;
    await recordAttempt(tx, {
      targetId: lease.id,
      workspaceId,
      accountId: lease.accountId,
      version: lease.version,
      startedAt: now,
      outcome: 'AMBIGUOUS',
      errorCode: LEASE_EXPIRED.code,
      errorMessage: LEASE_EXPIRED.message,
    });
    return true;
  }

  /** Posts whose time came while some of their targets still wait for approval (PENDING). */
  postsPastTimeWithPending(now: Date, limit: number) {
    return this.prisma.post.findMany({
      where: { scheduledAt: { lte: now }, targets: { some: { state: 'PENDING' } } },
      select: { id: true, workspaceId: true, version: true, status: true },
      take: limit,
    });
  }

  /** The post's PENDING targets expire (not approved in time); how many did. */
  async expirePending(tx: Tx, workspaceId: string, postId: string): Promise<number> {
    const changed = await tx.postTarget.updateMany({
      where: { postId, workspaceId, state: 'PENDING' },
      data: {
        state: 'EXPIRED',
        lastErrorCode: 'engine.not_approved_in_time',
        lastError: 'Not approved by its scheduled time',
      },
    });
    return changed.count;
  }

  /** Posts in review whose time falls in (now, horizon] and whose current version nobody was warned about yet. */
  async inReviewDueBy(now: Date, horizon: Date, limit: number) {
    const rows = await this.prisma.post.findMany({
      where: { status: 'IN_REVIEW', scheduledAt: { gt: now, lte: horizon } },
      select: { id: true, workspaceId: true, version: true, approvalDueWarnedVersion: true, scheduledAt: true },
      orderBy: { scheduledAt: 'asc' },
      take: limit,
    });
    return rows.filter((row) => row.approvalDueWarnedVersion !== row.version);
  }

  /** Stamps the warning for this version; false when the post changed since it was read, or another sweeper stamped it. */
  async stampApprovalDueWarning(
    tx: Tx,
    post: { id: string; workspaceId: string; version: number; approvalDueWarnedVersion: number | null },
  ): Promise<boolean> {
    const changed = await tx.post.updateMany({
      where: {
        id: post.id,
        workspaceId: post.workspaceId,
        status: 'IN_REVIEW',
        version: post.version,
        approvalDueWarnedVersion: post.approvalDueWarnedVersion,
      },
      data: { approvalDueWarnedVersion: post.version },
    });
    return changed.count === 1;
  }
}
