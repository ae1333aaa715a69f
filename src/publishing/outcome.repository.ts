import { Injectable, Logger } from '@nestjs/common';
import { Prisma, PrismaService, type Tx } from '../core/database';
import type { PublishError, PublishResult } from '../publishers';
import { attemptInsert, recordAttempt } from './attempt-ledger.repository';
import { auditInsert, recordAudit, WORKER } from '../core/audit';
import { markNeedsReconnect } from './account-status';
import type { NextStep } from './failure-policy';
import { DeliveryNotices } from '../notifications/notifier';

export interface AttemptFacts {
  targetId: string;
  workspaceId: string;
  accountId: string;
  version: number;
  owner: string;
  startedAt: Date;
}

/** Records one call's outcome: the ledger row, the target's new state, audit and notifications, in one short transaction. */
@Injectable()
export class OutcomeRepository {
  private readonly logger = new Logger(OutcomeRepository.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: DeliveryNotices,
  ) {}

  /**
   * PUBLISHED wins over what the sweeper may have decided after our lease ran out (UNCONFIRMED,
   * a re-scheduled retry or a hold): the post exists, so the target says so.
   */
  async published(
    facts: AttemptFacts,
    result: PublishResult,
    via: 'publish' | 'lookup',
    lateSeconds: number | null,
  ): Promise<boolean> {
    // One statement: the ledger row always, the state change if ours to make, its audit record with it.
    const rows = await this.prisma.hotStatement<{ changed: number }>(Prisma.sql`
      WITH changed AS (
        UPDATE "PostTarget"
           SET state = 'PUBLISHED', "externalId" = ${result.externalId}, "externalUrl" = ${result.url}, "publishedAt" = now(),
               attempts = attempts + 1, "leaseOwner" = NULL, "leaseExpiresAt" = NULL, "lastOutcome" = 'PUBLISHED',
               "lastError" = NULL, "lastErrorCode" = NULL, "lateSeconds" = ${lateSeconds}::int, "updatedAt" = now()
         WHERE id = ${facts.targetId}::uuid AND version = ${facts.version}
           AND ((state = 'PUBLISHING' AND "leaseOwner" = ${facts.owner}) OR state IN ('UNCONFIRMED', 'SCHEDULED', 'HELD'))
        RETURNING id
      ),
      ledger AS (${attemptInsert({ ...facts, outcome: 'PUBLISHED', externalId: result.externalId })}),
      audit AS (${auditInsert(
        {
          workspaceId: facts.workspaceId,
          actor: WORKER,
          action: 'target.published',
          subjectType: 'target',
          subjectId: facts.targetId,
          summary: { version: facts.version, externalId: result.externalId, url: result.url, via },
        },
        Prisma.sql`SELECT 1 FROM changed`,
      )})
      SELECT count(*)::int AS changed FROM changed`);
    const changed = (rows[0]?.changed ?? 0) > 0;
    if (changed && lateSeconds !== null) await this.toldLate(facts, lateSeconds);
    return changed;
  }

  /**
   * Never silently late: the people who planned the post are told how late it went out. After the
   * outcome committed; lateness is on the target either way, so a failure here is only logged.
   */
  private async toldLate(facts: AttemptFacts, lateSeconds: number): Promise<void> {
    try {
      const ids = await this.prisma.$transaction((tx) =>
        this.notifier.delivery(tx, facts.workspaceId, facts.targetId, 'TARGET_PUBLISHED_LATE', { lateSeconds }),
      );
      await this.notifier.dispatch(ids);
    } catch (error) {
      this.logger.warn({
        msg: 'late notification not written',
        targetId: facts.targetId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** Applies the failure policy's step; returns the next due time when the target will be retried. */
  async failed(facts: AttemptFacts, error: PublishError, step: NextStep): Promise<Date | null> {
    const notificationIds: string[] = [];
    const dueAt = step.kind === 'retry' ? new Date(Date.now() + step.delayMs) : null;
    const applied = await this.prisma.$transaction(async (tx) => {
      await recordAttempt(tx, {
        ...facts,
        outcome: error.kind,
        httpStatus: error.httpStatus,
        errorCode: error.code,
        errorMessage: error.message,
        retryAfterMs: error.retryAfterMs,
      });
      const mine = {
        id: facts.targetId,
        version: facts.version,
        state: 'PUBLISHING' as const,
        leaseOwner: facts.owner,
      };
      const common = {
        leaseOwner: null,
        leaseExpiresAt: null,
        lastOutcome: error.kind,
        lastError: error.message.slice(0, 2000),
        lastErrorCode: error.code.slice(0, 100),
      };
      const counted = step.kind === 'retry' && !step.countsAsAttempt ? {} : { attempts: { increment: 1 } };
      const state =
        step.kind === 'retry'
          ? 'SCHEDULED'
          : step.kind === 'failed'
            ? 'FAILED'
            : step.kind === 'unconfirmed'
              ? 'UNCONFIRMED'
              : 'HELD';
      const changed = await tx.postTarget.updateMany({
        where: mine,
        data: { ...common, ...counted, state, ...(dueAt ? { dueAt } : {}) },
      });
      if (changed.count === 0) return false;
      await recordAudit(tx, {
        workspaceId: facts.workspaceId,
        actor: WORKER,
        action: `target.${step.kind}`,
        subjectType: 'target',
        subjectId: facts.targetId,
        summary: {
          version: facts.version,
          kind: error.kind,
          code: error.code,
          httpStatus: error.httpStatus ?? null,
          retryAt: dueAt?.toISOString() ?? null,
        },
      });
      if (step.kind === 'failed' || step.kind === 'unconfirmed') {
        const reason = error.message.slice(0, 500);
        notificationIds.push(
          ...(step.kind === 'failed'
            ? await this.notifier.delivery(tx, facts.workspaceId, facts.targetId, 'TARGET_FAILED', { reason })
            : await this.notifier.delivery(tx, facts.workspaceId, facts.targetId, 'TARGET_UNCONFIRMED', { reason })),
        );
      }
      if (step.kind === 'park-account') {
        notificationIds.push(...(await this.markNeedsReconnect(tx, facts.workspaceId, facts.accountId, error.message)));
      }
      return true;
    });
    await this.notifier.dispatch(notificationIds);
    return applied ? dueAt : null;
  }

  /** Account -> NEEDS_RECONNECT once; returns the notification ids when this call made the change. */
  markNeedsReconnect(tx: Tx, workspaceId: string, accountId: string, reason: string): Promise<string[]> {
    return markNeedsReconnect(tx, this.notifier, { workspaceId, accountId, reason, actor: WORKER });
  }
}
