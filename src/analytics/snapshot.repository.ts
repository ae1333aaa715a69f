import { Injectable } from '@nestjs/common';
import { type MetricStage, type MetricState, PrismaService, type Platform } from '../core/database';
import type { MetricCounts } from '../publishers';
import { CATCH_UP_SECONDS, PLAN_BATCH, PLANNED_STAGES } from './snapshot-plan';

export interface SnapshotSubject {
  targetId: string;
  workspaceId: string;
  accountId: string;
  externalId: string;
  platform: Platform;
  accountStatus: string;
  baseUrl: string | null;
  accountExternalId: string | null;
  handle: string | null;
  settings: Record<string, unknown>;
  credentialsCiphertext: Uint8Array | null;
  credentialsKeyId: string | null;
}

export interface SnapshotRecord {
  stage: MetricStage;
  state: MetricState;
  counts?: MetricCounts;
  engagement?: number | null;
  reach?: number | null;
  errorCode?: string | null;
}

/** Metric snapshots: what is due, what a job reads, and the append-only write. */
@Injectable()
export class SnapshotRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Published deliveries of ACTIVE accounts whose planned snapshot is due and not yet taken, within
   * the catch-up window. A parked account is skipped until it is reconnected, then caught up.
   */
  async due(now = new Date()): Promise<Array<{ targetId: string; stage: MetricStage }>> {
    const stages = PLANNED_STAGES.map((s) => s.stage);
    const seconds = PLANNED_STAGES.map((s) => s.afterSeconds);
    return this.prisma.$queryRaw<Array<{ targetId: string; stage: MetricStage }>>`
      SELECT t."id" AS "targetId", p.stage::"MetricStage" AS stage
      FROM unnest(${stages}::text[], ${seconds}::int[]) AS p(stage, after_seconds)
      JOIN "PostTarget" t
        ON t."state" = 'PUBLISHED' AND t."externalId" IS NOT NULL
       AND t."publishedAt" <= ${now}::timestamptz - make_interval(secs => p.after_seconds)
       AND t."publishedAt" > ${now}::timestamptz - make_interval(secs => p.after_seconds + ${CATCH_UP_SECONDS}::int)
      JOIN "ConnectedAccount" a ON a."id" = t."accountId" AND a."status" = 'ACTIVE'
      WHERE NOT EXISTS (SELECT 1 FROM "MetricSnapshot" m WHERE m."targetId" = t."id" AND m."stage" = p.stage::"MetricStage")
      ORDER BY t."publishedAt"
      LIMIT ${PLAN_BATCH}`;
  }

  async subject(targetId: string): Promise<SnapshotSubject | null> {
    const target = await this.prisma.postTarget.findFirst({
      where: { id: targetId, state: 'PUBLISHED', externalId: { not: null } },
      select: { id: true, workspaceId: true, accountId: true, externalId: true, account: true },
    });
    if (!target?.externalId) return null;
    const { account } = target;
    return {
      targetId: target.id,
      workspaceId: target.workspaceId,
      accountId: target.accountId,
      externalId: target.externalId,
      platform: account.platform,
      accountStatus: account.status,
      baseUrl: account.baseUrl,
      accountExternalId: account.externalId,
      handle: account.handle,
      settings: (account.settings ?? {}) as Record<string, unknown>,
      credentialsCiphertext: account.credentialsCiphertext,
      credentialsKeyId: account.credentialsKeyId,
    };
  }

  /** A planned stage is taken once; on-demand snapshots append. */
  async record(
    subject: Pick<SnapshotSubject, 'targetId' | 'workspaceId' | 'accountId'>,
    snapshot: SnapshotRecord,
    takenAt = new Date(),
  ): Promise<boolean> {
    if (snapshot.stage !== 'ON_DEMAND') {
      const existing = await this.prisma.metricSnapshot.findFirst({
        where: { targetId: subject.targetId, stage: snapshot.stage },
        select: { id: true },
      });
      if (existing) return false;
    }
    await this.prisma.metricSnapshot.create({
      data: {
        targetId: subject.targetId,
        workspaceId: subject.workspaceId,
        accountId: subject.accountId,
        stage: snapshot.stage,
        takenAt,
        state: snapshot.state,
        counts: snapshot.counts ?? {},
        engagement: snapshot.engagement ?? null,
        reach: snapshot.reach ?? null,
        errorCode: snapshot.errorCode ?? null,
      },
    });
    return true;
  }
}
