import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Tx } from '../core/database';
import type { PublishError, PublishResult } from '../publishers';
import { attemptInsert, recordAttempt } from './attempt-ledger';
import { auditInsert, recordAudit, WORKER } from '../core/audit';
import type { NextStep } from './failure-policy';
import { Notifier } from './notifier';

export interface AttemptFacts {
  targetId: string;
  workspaceId: string;
  accountId: string;
  version: number;
  owner: string;
  startedAt: Date;
}

const MESSAGES = {
  failed: 'Gagal diterbitkan / Publishing failed',
  unconfirmed: 'Tidak pasti apakah sudah terbit: periksa akunnya / Not sure it was published: check the account',
  reconnect: 'Akun perlu dihubungkan ulang / The account needs a reconnect',
  late: { id: 'Terbit terlambat', en: 'Published late by' },
};

/** "95 detik", "12 menit": seconds under two minutes, whole minutes above. */
function lateness(seconds: number, locale: 'id' | 'en'): string {
  if (seconds < 120) return locale === 'id' ? `${seconds} detik` : `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  return locale === 'id' ? `${minutes} menit` : `${minutes} minutes`;
}

/** Records one call's outcome: the ledger row, the target's new state, audit and notifications, in one short transaction. */
@Injectable()
export class OutcomeRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly notifier: Notifier,
  ) {}

  /**
   * PUBLISHED wins over what the sweeper may have decided after our lease ran out (UNCONFIRMED,
   * a re-scheduled retry or a hold): the post exists, so the target says so.
   */
  async published(facts: AttemptFacts, result: PublishResult, via: 'publish' | 'lookup', lateSeconds: number | null): Promise<boolean> {
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

  /** Never silently late: the people who planned the post are told how late it went out. */
  private async toldLate(facts: AttemptFacts, lateSeconds: number): Promise<void> {
    const id = await this.prisma.$transaction((tx) =>
      this.notifier.record(tx, {
        workspaceId: facts.workspaceId,
        kind: 'TARGET_PUBLISHED_LATE',
        subjectType: 'PostTarget',
        subjectId: facts.targetId,
        message: `${MESSAGES.late.id} ${lateness(lateSeconds, 'id')} / ${MESSAGES.late.en} ${lateness(lateSeconds, 'en')}`,
      }),
    );
    await this.notifier.dispatch([id]);
  }

  /** Applies the failure policy's step; returns the next due time when the target will be retried. */
  async failed(facts: AttemptFacts, error: PublishError, step: NextStep): Promise<Date | null> {
    const notificationIds: string[] = [];
    const dueAt = step.kind === 'retry' ? new Date(Date.now() + step.delayMs) : null;
    const applied = await this.prisma.$transaction(async (tx) => {
      await recordAttempt(tx, { ...facts, outcome: error.kind, httpStatus: error.httpStatus, errorCode: error.code, errorMessage: error.message, retryAfterMs: error.retryAfterMs });
      const mine = { id: facts.targetId, version: facts.version, state: 'PUBLISHING' as const, leaseOwner: facts.owner };
      const common = { leaseOwner: null, leaseExpiresAt: null, lastOutcome: error.kind, lastError: error.message.slice(0, 2000), lastErrorCode: error.code.slice(0, 100) };
      const counted = step.kind === 'retry' && !step.countsAsAttempt ? {} : { attempts: { increment: 1 } };
      const state = step.kind === 'retry' ? 'SCHEDULED' : step.kind === 'failed' ? 'FAILED' : step.kind === 'unconfirmed' ? 'UNCONFIRMED' : 'HELD';
      const changed = await tx.postTarget.updateMany({ where: mine, data: { ...common, ...counted, state, ...(dueAt ? { dueAt } : {}) } });
      if (changed.count === 0) return false;
      await recordAudit(tx, {
        workspaceId: facts.workspaceId,
        actor: WORKER,
        action: `target.${step.kind}`,
        subjectType: 'target',
        subjectId: facts.targetId,
        summary: { version: facts.version, kind: error.kind, code: error.code, httpStatus: error.httpStatus ?? null, retryAt: dueAt?.toISOString() ?? null },
      });
      if (step.kind === 'failed' || step.kind === 'unconfirmed') {
        notificationIds.push(
          await this.notifier.record(tx, {
            workspaceId: facts.workspaceId,
            kind: step.kind === 'failed' ? 'TARGET_FAILED' : 'TARGET_UNCONFIRMED',
            subjectType: 'PostTarget',
            subjectId: facts.targetId,
            message: `${MESSAGES[step.kind]}: ${error.message}`,
          }),
        );
      }
      if (step.kind === 'park-account') {
        const id = await this.markNeedsReconnect(tx, facts.workspaceId, facts.accountId, error.message);
        if (id) notificationIds.push(id);
      }
      return true;
    });
    await this.notifier.dispatch(notificationIds);
    return applied ? dueAt : null;
  }

  /** Account -> NEEDS_RECONNECT once; returns the notification id when this call made the change. */
  async markNeedsReconnect(tx: Tx, workspaceId: string, accountId: string, reason: string): Promise<string | null> {
    const changed = await tx.connectedAccount.updateMany({
      where: { id: accountId, status: 'ACTIVE' },
      data: { status: 'NEEDS_RECONNECT', statusReason: reason.slice(0, 1000) },
    });
    if (changed.count === 0) return null;
    await recordAudit(tx, { workspaceId, actor: WORKER, action: 'account.needs_reconnect', subjectType: 'account', subjectId: accountId, summary: { reason } });
    return this.notifier.record(tx, {
      workspaceId,
      kind: 'ACCOUNT_NEEDS_RECONNECT',
      subjectType: 'ConnectedAccount',
      subjectId: accountId,
      message: `${MESSAGES.reconnect}: ${reason}`,
    });
  }
}
