import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService, type Tx } from '../core/database';
import {
  type GroupFigure,
  RANKED_COUNT,
  type RankedDelivery,
  type ReportFigures,
  sortGroups,
  type Totals,
  withPerPost,
} from './report-figures';

export interface ReportScope {
  campaignId?: string;
  accountId?: string;
}

/** A ranked delivery as json_agg gives it: the time as Postgres' text. */
type RawRanked = Omit<RankedDelivery, 'publishedAt'> & { publishedAt: string };
type RawTotals = Omit<Totals, 'engagementPerPost'> & {
  dim: 'all' | 'previous' | 'platform' | 'hashtag' | 'message';
  key: string;
  top: RawRanked[] | null;
  bottom: RawRanked[] | null;
};

/**
 * The report's figures computed in Postgres: each published delivery with its latest snapshot, then
 * aggregated by platform, hashtag and key message, so a report reads a few dozen rows instead of
 * every delivery of both periods. The definitions are those of report-figures.ts (which computes the
 * same figures from the CSV's rows; test/analytics/reports-api.e2e.ts checks that both agree).
 */
@Injectable()
export class ReportTotalsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * One statement: the deliveries of [previousFrom, to) are read once (a materialised CTE), the
   * period's figures and the previous period's totals aggregated from them, the top and bottom
   * deliveries carried as JSON on the totals row.
   */
  async figures(
    workspaceId: string,
    scope: ReportScope,
    period: { previousFrom: Date; from: Date; to: Date },
    keyMessages: string[],
  ): Promise<ReportFigures & { previousTotals: Totals }> {
    const messages = keyMessagePatterns(keyMessages);
    const statement = (tx: Tx) => tx.$queryRaw<RawTotals[]>`
      WITH base AS MATERIALIZED (${deliveries(workspaceId, scope, period.previousFrom, period.to)}),
           cur AS MATERIALIZED (SELECT * FROM base WHERE "publishedAt" >= ${period.from})
      SELECT 'all' AS dim, '' AS key, ${AGGREGATES},
             (SELECT json_agg(r) FROM (SELECT ${RANKED_COLUMNS} FROM cur WHERE ${COUNTED} ORDER BY engagement DESC, "publishedAt" ASC, "targetId" ASC LIMIT ${RANKED_COUNT}) r) AS top,
             (SELECT json_agg(r) FROM (SELECT ${RANKED_COLUMNS} FROM cur WHERE ${COUNTED} ORDER BY engagement ASC, "publishedAt" DESC, "targetId" DESC LIMIT ${RANKED_COUNT}) r) AS bottom
        FROM cur
      UNION ALL
      SELECT 'previous', '', ${AGGREGATES}, NULL, NULL FROM base WHERE "publishedAt" < ${period.from}
      UNION ALL
      SELECT 'platform', platform, ${AGGREGATES}, NULL, NULL FROM cur GROUP BY platform
      UNION ALL
      SELECT 'hashtag', h.tag, ${AGGREGATES}, NULL, NULL
        FROM cur CROSS JOIN LATERAL (SELECT DISTINCT lower(m[1]) AS tag FROM regexp_matches(cur.text, ${HASHTAG}, 'g') m) h
       GROUP BY h.tag
      UNION ALL
      SELECT 'message', k.message, ${AGGREGATES}, NULL, NULL
        FROM cur CROSS JOIN unnest(${messages.map((m) => m.message)}::text[], ${messages.map((m) => m.pattern)}::text[]) AS k(message, pattern)
       WHERE lower(cur.text) ~ k.pattern
       GROUP BY k.message`;
    // JIT compiling this statement (its estimated cost is over Postgres' jit_*_above_cost) took
    // longer than running it: about 3 of 5 s at 100,000 deliveries (docs/benchmarks.md, B4). The
    // transaction only scopes that setting; it lives as long as the statement (Prisma's default 5 s
    // would cut a large report short under load).
    const groups = await this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SET LOCAL jit = off`;
        return statement(tx);
      },
      { maxWait: REPORT_WAIT_MS, timeout: REPORT_TIMEOUT_MS },
    );
    const of = (dim: RawTotals['dim']) =>
      groups
        .filter((g) => g.dim === dim)
        .map(({ dim: _dim, top: _top, bottom: _bottom, ...g }): GroupFigure => withPerPost(g));
    const all = groups.find((g) => g.dim === 'all');
    return {
      totals: totalsOfRow(all),
      previousTotals: totalsOfRow(groups.find((g) => g.dim === 'previous')),
      byPlatform: sortGroups(of('platform')),
      byHashtag: sortGroups(of('hashtag')),
      byKeyMessage: sortGroups(of('message')),
      top: (all?.top ?? []).map(rankedView),
      bottom: (all?.bottom ?? []).map(rankedView),
    };
  }

  /** The totals alone of the scope's deliveries in [from, to) (a previous campaign's, to compare with). */
  async totals(workspaceId: string, scope: ReportScope, from: Date, to: Date): Promise<Totals> {
    const [row] = await this.prisma.$queryRaw<
      RawTotals[]
    >`SELECT 'all' AS dim, '' AS key, ${AGGREGATES}, NULL AS top, NULL AS bottom FROM (${deliveries(workspaceId, scope, from, to)}) d`;
    return totalsOfRow(row);
  }
}

/** An aggregate over no rows still answers one row; an absent one would be a bug, not an empty period. */
function totalsOfRow(row: RawTotals | undefined): Totals {
  if (!row) throw new Error('the report totals query answered no row');
  const { dim: _dim, key: _key, top: _top, bottom: _bottom, ...totals } = row;
  return withPerPost(totals);
}
/** How long a report may wait for a connection, and run. */
const REPORT_WAIT_MS = 30_000;
const REPORT_TIMEOUT_MS = 120_000;
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

/**
 * keyMessagesOf's test as a regular expression over the lower-cased text: the message's words
 * (lower case, escaped) joined by \s+. A text whose normal form (runs of white space as one space)
 * contains the message's is exactly a text where these words follow each other across any white
 * space; matching it is cheaper than normalising every text (about 3x at 100,000 deliveries).
 */
function keyMessagePatterns(keyMessages: readonly string[]): Array<{ message: string; pattern: string }> {
  return keyMessages.flatMap((message) => {
    const words = message.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length
      ? [{ message, pattern: words.map((word) => word.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&')).join('\\s+') }]
      : [];
  });
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

function rankedView(row: RawRanked): RankedDelivery {
  return { ...row, publishedAt: new Date(row.publishedAt).toISOString() };
}
