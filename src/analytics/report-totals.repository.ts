import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../core/database';
import { type GroupFigure, RANKED_COUNT, type RankedDelivery, type ReportFigures, sortGroups, type Totals, withPerPost } from './report-figures';

export interface ReportScope {
  campaignId?: string;
  accountId?: string;
}

type RawRanked = Omit<RankedDelivery, 'publishedAt'> & { rank: 'top' | 'bottom'; publishedAt: Date };
type RawTotals = Omit<Totals, 'engagementPerPost'> & { dim: 'all' | 'platform' | 'hashtag' | 'message'; key: string };

/**
 * The report's figures computed in Postgres: each published delivery with its latest snapshot, then
 * aggregated by platform, hashtag and key message, so a report reads a few dozen rows instead of
 * every delivery of the period. The definitions are those of report-figures.ts (which computes the
 * same figures from the CSV's rows; test/analytics/reports-api.e2e.ts checks that both agree).
 */
@Injectable()
export class ReportTotalsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async figures(workspaceId: string, scope: ReportScope, from: Date, to: Date, keyMessages: string[]): Promise<ReportFigures> {
    const base = deliveries(workspaceId, scope, from, to);
    const [groups, ranked] = await Promise.all([
      this.prisma.$queryRaw<RawTotals[]>`
        WITH base AS (${base})
        SELECT 'all' AS dim, '' AS key, ${AGGREGATES} FROM base
        UNION ALL
        SELECT 'platform', platform, ${AGGREGATES} FROM base GROUP BY platform
        UNION ALL
        SELECT 'hashtag', h.tag, ${AGGREGATES}
          FROM base CROSS JOIN LATERAL (SELECT DISTINCT lower(m[1]) AS tag FROM regexp_matches(base.text, ${HASHTAG}, 'g') m) h
         GROUP BY h.tag
        UNION ALL
        SELECT 'message', k.message, ${AGGREGATES}
          FROM base CROSS JOIN unnest(${keyMessages}::text[]) AS k(message)
         WHERE ${normal(Prisma.sql`k.message`)} <> '' AND position(${normal(Prisma.sql`k.message`)} IN ${normal(Prisma.sql`base.text`)}) > 0
         GROUP BY k.message`,
      this.prisma.$queryRaw<RawRanked[]>`
        WITH base AS (${base})
        (SELECT 'top' AS rank, ${RANKED_COLUMNS} FROM base WHERE ${COUNTED} ORDER BY engagement DESC, "publishedAt" ASC, "targetId" ASC LIMIT ${RANKED_COUNT})
        UNION ALL
        (SELECT 'bottom', ${RANKED_COLUMNS} FROM base WHERE ${COUNTED} ORDER BY engagement ASC, "publishedAt" DESC, "targetId" DESC LIMIT ${RANKED_COUNT})`,
    ]);
    const of = (dim: RawTotals['dim']) => groups.filter((g) => g.dim === dim).map(({ dim: _dim, ...g }): GroupFigure => withPerPost(g));
    return {
      totals: totalsOfRow(groups.find((g) => g.dim === 'all')),
      byPlatform: sortGroups(of('platform')),
      byHashtag: sortGroups(of('hashtag')),
      byKeyMessage: sortGroups(of('message')),
      top: ranked.filter((r) => r.rank === 'top').map(rankedView),
      bottom: ranked.filter((r) => r.rank === 'bottom').map(rankedView),
    };
  }

  /** The totals alone (the previous period's). */
  async totals(workspaceId: string, scope: ReportScope, from: Date, to: Date): Promise<Totals> {
    const [row] = await this.prisma.$queryRaw<RawTotals[]>`WITH base AS (${deliveries(workspaceId, scope, from, to)}) SELECT 'all' AS dim, '' AS key, ${AGGREGATES} FROM base`;
    return totalsOfRow(row);
  }
}

/** An aggregate over no rows still answers one row; an absent one would be a bug, not an empty period. */
function totalsOfRow(row: RawTotals | undefined): Totals {
  if (!row) throw new Error('the report totals query answered no row');
  const { dim: _dim, key: _key, ...totals } = row;
  return withPerPost(totals);
}
/** hashtagsOf's pattern in Postgres' regular expressions: # then letters, digits or _. */
const HASHTAG = '(#[[:alnum:]_]+)';
const COUNTED = Prisma.sql`state = 'OK' AND engagement IS NOT NULL`;
const RANKED_COLUMNS = Prisma.sql`"targetId", "postId", platform, "accountName", "publishedAt", engagement, url, left(text, 280) AS text`;

/** totalsOf's figures as SQL aggregates (counts as int, sums as float8: exact JavaScript numbers). */
const AGGREGATES = Prisma.sql`
  count(*)::int AS deliveries,
  count(DISTINCT "postId")::int AS posts,
  count(*) FILTER (WHERE ${COUNTED})::int AS "withCounts",
  count(*) FILTER (WHERE state = 'NOT_AVAILABLE')::int AS "notAvailable",
  count(*) FILTER (WHERE state = 'DELETED')::int AS deleted,
  count(*) FILTER (WHERE state IS NULL OR state = 'FAILED')::int AS pending,
  COALESCE(sum(engagement) FILTER (WHERE ${COUNTED}), 0)::float8 AS engagement,
  (sum(reach) FILTER (WHERE ${COUNTED} AND reach IS NOT NULL))::float8 AS reach,
  count(*) FILTER (WHERE "lateSeconds" IS NULL)::int AS "onTime",
  count(*) FILTER (WHERE "lateSeconds" IS NOT NULL)::int AS late`;

/** keyMessagesOf's normal form: lower case, runs of white space as one space, trimmed. */
function normal(value: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`btrim(regexp_replace(lower(${value}), '\\s+', ' ', 'g'))`;
}

/** Each published delivery of the scope in [from, to) with its latest snapshot (the CSV's rows). */
function deliveries(workspaceId: string, scope: ReportScope, from: Date, to: Date): Prisma.Sql {
  const campaign = scope.campaignId ? Prisma.sql`AND p."campaignId" = ${scope.campaignId}::uuid` : Prisma.empty;
  const account = scope.accountId ? Prisma.sql`AND t."accountId" = ${scope.accountId}::uuid` : Prisma.empty;
  return Prisma.sql`
    SELECT t."id" AS "targetId", t."postId", a."platform"::text AS platform, a."displayName" AS "accountName", t."publishedAt", t."lateSeconds",
           COALESCE(t."text", p."baseText") AS text, t."externalUrl" AS url, s.state::text AS state, s.engagement, s.reach
      FROM "PostTarget" t
      JOIN "Post" p ON p."id" = t."postId"
      JOIN "ConnectedAccount" a ON a."id" = t."accountId"
      LEFT JOIN LATERAL (
        SELECT m."state", m."engagement", m."reach" FROM "MetricSnapshot" m WHERE m."targetId" = t."id" ORDER BY m."takenAt" DESC LIMIT 1
      ) s ON TRUE
     WHERE t."workspaceId" = ${workspaceId}::uuid AND t."state" = 'PUBLISHED'
       AND t."publishedAt" >= ${from} AND t."publishedAt" < ${to} ${campaign} ${account}`;
}

function rankedView({ rank: _rank, ...row }: RawRanked): RankedDelivery {
  return { ...row, publishedAt: row.publishedAt.toISOString() };
}
