import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Platform } from '../core/database';

/** One published delivery with its latest snapshot: the row behind every report figure (and the CSV). */
export interface DeliveryRow {
  targetId: string;
  postId: string;
  accountId: string;
  accountName: string;
  platform: Platform;
  publishedAt: Date;
  lateSeconds: number | null;
  text: string;
  url: string | null;
  /** The latest snapshot's state; null when none was taken yet. */
  metricState: 'OK' | 'NOT_AVAILABLE' | 'DELETED' | 'FAILED' | null;
  engagement: number | null;
  reach: number | null;
  counts: Record<string, number>;
  takenAt: Date | null;
}

/** The most rows one report reads (a campaign of a year at 30 deliveries a day fits several times over). */
const REPORT_ROW_LIMIT = 200_000;

/** A snapshot as a series shows it. */
const SNAPSHOT_FIELDS = {
  stage: true,
  takenAt: true,
  state: true,
  counts: true,
  engagement: true,
  reach: true,
  errorCode: true,
} as const;

/** Reads the rows of a workspace's published deliveries in [from, to), by campaign or by account. */
@Injectable()
export class ReportRowsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A campaign this workspace owns or is an active partner in; null otherwise (answered as 404). */
  campaign(workspaceId: string, campaignId: string) {
    return this.prisma.campaign.findFirst({
      where: { id: campaignId, OR: [{ workspaceId }, { partners: { some: { workspaceId, status: 'ACTIVE' } } }] },
      select: { id: true, name: true, keyMessages: true, startsAt: true, endsAt: true, timeZone: true },
    });
  }

  /**
   * The campaign of this workspace (owned, or joined as an active partner) that ended most recently
   * at or before `startsAt`, with both its dates set; null when there is none.
   */
  previousCampaign(workspaceId: string, campaignId: string, startsAt: Date) {
    return this.prisma.campaign.findFirst({
      where: {
        id: { not: campaignId },
        startsAt: { not: null },
        endsAt: { lte: startsAt },
        OR: [{ workspaceId }, { partners: { some: { workspaceId, status: 'ACTIVE' } } }],
      },
      orderBy: [{ endsAt: 'desc' }, { id: 'asc' }],
      select: { id: true, name: true, startsAt: true, endsAt: true },
    });
  }

  account(workspaceId: string, accountId: string) {
    return this.prisma.connectedAccount.findFirst({
      where: { id: accountId, workspaceId },
      select: { id: true, displayName: true, platform: true, postingSlots: true },
    });
  }

  /** The latest engagement of each of the account's deliveries published since `since` (best time's input). */
  engagedPosts(workspaceId: string, accountId: string, since: Date) {
    return this.prisma.$queryRaw<Array<{ publishedAt: Date; engagement: number }>>`
      SELECT t."publishedAt", s."engagement"
      FROM "PostTarget" t
      JOIN LATERAL (
        SELECT m."state", m."engagement" FROM "MetricSnapshot" m WHERE m."targetId" = t."id" ORDER BY m."takenAt" DESC LIMIT 1
      ) s ON s."state" = 'OK' AND s."engagement" IS NOT NULL
      WHERE t."workspaceId" = ${workspaceId}::uuid AND t."accountId" = ${accountId}::uuid AND t."state" = 'PUBLISHED' AND t."publishedAt" >= ${since}
      LIMIT ${REPORT_ROW_LIMIT}`;
  }

  /** A delivery's snapshots, oldest first. */
  series(workspaceId: string, targetId: string) {
    return this.prisma.postTarget.findFirst({
      where: { id: targetId, workspaceId },
      select: {
        id: true,
        state: true,
        publishedAt: true,
        account: { select: { platform: true } },
        metricSnapshots: { orderBy: { takenAt: 'asc' }, take: 500, select: SNAPSHOT_FIELDS },
      },
    });
  }

  /** A post's deliveries in this workspace, each with its snapshots oldest first; null when the post is not the workspace's. */
  async postSeries(workspaceId: string, postId: string) {
    return this.prisma.post.findFirst({
      where: { id: postId, workspaceId },
      select: {
        id: true,
        targets: {
          where: { workspaceId },
          orderBy: { createdAt: 'asc' },
          select: {
            id: true,
            state: true,
            publishedAt: true,
            account: { select: { platform: true, displayName: true } },
            metricSnapshots: { orderBy: { takenAt: 'asc' }, take: 500, select: SNAPSHOT_FIELDS },
          },
        },
      },
    });
  }

  async rows(
    workspaceId: string,
    scope: { campaignId?: string; accountId?: string },
    from: Date,
    to: Date,
  ): Promise<DeliveryRow[]> {
    const campaign = scope.campaignId ? Prisma.sql`AND p."campaignId" = ${scope.campaignId}::uuid` : Prisma.empty;
    const account = scope.accountId ? Prisma.sql`AND t."accountId" = ${scope.accountId}::uuid` : Prisma.empty;
    return this.prisma.$queryRaw<DeliveryRow[]>`
      SELECT t."id" AS "targetId", t."postId", t."accountId", a."displayName" AS "accountName", a."platform",
             t."publishedAt", t."lateSeconds", COALESCE(t."text", p."baseText") AS "text", t."externalUrl" AS "url",
             s."state"::text AS "metricState", s."engagement", s."reach", COALESCE(s."counts", '{}'::jsonb) AS "counts", s."takenAt"
      FROM "PostTarget" t
      JOIN "Post" p ON p."id" = t."postId"
      JOIN "ConnectedAccount" a ON a."id" = t."accountId"
      LEFT JOIN LATERAL (
        SELECT m."state", m."engagement", m."reach", m."counts", m."takenAt"
        FROM "MetricSnapshot" m WHERE m."targetId" = t."id" ORDER BY m."takenAt" DESC LIMIT 1
      ) s ON TRUE
      WHERE t."workspaceId" = ${workspaceId}::uuid AND t."state" = 'PUBLISHED'
        AND t."publishedAt" >= ${from} AND t."publishedAt" < ${to} ${campaign} ${account}
      ORDER BY t."publishedAt", t."id"
      LIMIT ${REPORT_ROW_LIMIT}`;
  }
}
