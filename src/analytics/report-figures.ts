import type { Platform } from '../core/database';
import type { DeliveryRow } from './report-rows.repository';

export interface Totals {
  deliveries: number;
  posts: number;
  /** Deliveries whose latest snapshot has counts; engagement figures are over these only. */
  withCounts: number;
  notAvailable: number;
  deleted: number;
  /** No snapshot yet, or the read failed. */
  pending: number;
  engagement: number;
  /** Engagement per delivery with counts; null when none has counts. */
  engagementPerPost: number | null;
  reach: number | null;
  onTime: number;
  late: number;
}

export interface GroupFigure extends Totals {
  key: string;
}

export interface RankedDelivery {
  targetId: string;
  postId: string;
  platform: Platform;
  accountName: string;
  publishedAt: string;
  engagement: number;
  url: string | null;
  text: string;
}

export interface ReportFigures {
  totals: Totals;
  byPlatform: GroupFigure[];
  byHashtag: GroupFigure[];
  byKeyMessage: GroupFigure[];
  top: RankedDelivery[];
  bottom: RankedDelivery[];
}

export const RANKED_COUNT = 5;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;

export function hashtagsOf(text: string): string[] {
  return [...new Set((text.match(HASHTAG) ?? []).map((tag) => tag.toLowerCase()))];
}

/** A post carries a key message when its text contains it (case and spacing aside). */
export function keyMessagesOf(text: string, keyMessages: readonly string[]): string[] {
  const normal = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim();
  const body = normal(text);
  return keyMessages.filter((message) => normal(message) !== '' && body.includes(normal(message)));
}

export function totalsOf(rows: readonly DeliveryRow[]): Totals {
  const counted = rows.filter((row) => row.metricState === 'OK' && row.engagement !== null);
  const reached = counted.filter((row) => row.reach !== null);
  return withPerPost({
    deliveries: rows.length,
    posts: new Set(rows.map((row) => row.postId)).size,
    withCounts: counted.length,
    notAvailable: rows.filter((row) => row.metricState === 'NOT_AVAILABLE').length,
    deleted: rows.filter((row) => row.metricState === 'DELETED').length,
    pending: rows.filter((row) => row.metricState === null || row.metricState === 'FAILED').length,
    engagement: counted.reduce((sum, row) => sum + row.engagement!, 0),
    reach: reached.length ? reached.reduce((sum, row) => sum + row.reach!, 0) : null,
    onTime: rows.filter((row) => row.lateSeconds === null).length,
    late: rows.filter((row) => row.lateSeconds !== null).length,
  });
}

/** Engagement per delivery with counts (two decimals); null when none has counts. */
export function withPerPost<T extends Omit<Totals, 'engagementPerPost'>>(
  totals: T,
): T & { engagementPerPost: number | null } {
  return { ...totals, engagementPerPost: totals.withCounts ? round(totals.engagement / totals.withCounts) : null };
}

/** Groups by engagement, then by name. */
export function sortGroups(groups: GroupFigure[]): GroupFigure[] {
  return groups.sort((a, b) => b.engagement - a.engagement || a.key.localeCompare(b.key));
}

/**
 * Every figure of a report from its rows (the CSV's): the definition the SQL of
 * report-totals.repository.ts follows, and the check that it does (test/analytics/reports-api.e2e.ts).
 */
export function reportFigures(rows: readonly DeliveryRow[], keyMessages: readonly string[]): ReportFigures {
  const ranked = rows
    .filter((row) => row.metricState === 'OK' && row.engagement !== null)
    .sort((a, b) => b.engagement! - a.engagement! || a.publishedAt.getTime() - b.publishedAt.getTime());
  return {
    totals: totalsOf(rows),
    byPlatform: grouped(rows, (row) => [row.platform]),
    byHashtag: grouped(rows, (row) => hashtagsOf(row.text)),
    byKeyMessage: grouped(rows, (row) => keyMessagesOf(row.text, keyMessages)),
    top: ranked.slice(0, RANKED_COUNT).map(rankedView),
    bottom: ranked.slice(-RANKED_COUNT).reverse().map(rankedView),
  };
}

function grouped(rows: readonly DeliveryRow[], keysOf: (row: DeliveryRow) => string[]): GroupFigure[] {
  const groups = new Map<string, DeliveryRow[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const members = groups.get(key);
      if (members) members.push(row);
      else groups.set(key, [row]);
    }
  }
  return sortGroups([...groups].map(([key, members]) => ({ key, ...totalsOf(members) })));
}

function rankedView(row: DeliveryRow): RankedDelivery {
  return {
    targetId: row.targetId,
    postId: row.postId,
    platform: row.platform,
    accountName: row.accountName,
    publishedAt: row.publishedAt.toISOString(),
    engagement: row.engagement!,
    url: row.url,
    text: row.text.slice(0, 280),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
