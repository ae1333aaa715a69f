import type { Platform } from '../core/database';
import type { AccountContext, RateBudget } from './publisher';

/** The public counts Gaung reads, by one name across platforms (docs/analytics.md lists each platform's). */
export const METRIC_NAMES = [
  'likes',
  'reposts',
  'replies',
  'quotes',
  'comments',
  'shares',
  'saves',
  'reactions',
  'views',
  'reach',
  'impressions',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
export type MetricCounts = Partial<Record<MetricName, number>>;

/** Counts that are someone acting on a post; their sum is a snapshot's engagement. */
const INTERACTION_NAMES: readonly MetricName[] = [
  'likes',
  'reposts',
  'replies',
  'quotes',
  'comments',
  'shares',
  'saves',
  'reactions',
];
/** How many people saw it, the first a platform gives of these. */
const REACH_NAMES: readonly MetricName[] = ['reach', 'views', 'impressions'];

/**
 * What a read found: counts; the remote post is gone (recorded as deleted, never as zero); or the
 * platform gives this account nothing for it (a permission the app was not granted, too few
 * viewers): recorded as not available, without parking the account, since publishing still works.
 */
export type MetricsReading = { state: 'OK'; counts: MetricCounts } | { state: 'DELETED' } | { state: 'NOT_AVAILABLE' };

/**
 * The optional metrics capability of a platform, declared by registering a reader for it: a platform
 * without one has "not available" counts. `read` throws a PublishError of the one taxonomy
 * (src/publishers/publish-error.ts); a read changes nothing remotely, so every retry is safe.
 */
export interface PostMetricsReader {
  readonly platform: Platform;
  /** The counts this platform gives (the report shows the others as not available, not 0). */
  readonly provides: readonly MetricName[];
  /** Reads allowed per account in a rolling window, kept well inside the platform's own limit. */
  readonly readBudget: RateBudget;
  read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading>;
}

/** Only finite, non-negative whole numbers count; anything else the platform sent is unknown. */
export function pickCounts(source: Record<string, unknown>, names: Partial<Record<MetricName, string>>): MetricCounts {
  const counts: MetricCounts = {};
  for (const [name, field] of Object.entries(names) as Array<[MetricName, string]>) {
    const value = source[field];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) counts[name] = value;
  }
  return counts;
}

/** Engagement and reach of a set of counts; null where the platform gave none of the names. */
export function summarise(counts: MetricCounts): { engagement: number | null; reach: number | null } {
  const interactions = INTERACTION_NAMES.filter((name) => counts[name] !== undefined);
  const engagement = interactions.length ? interactions.reduce((sum, name) => sum + counts[name]!, 0) : null;
  const reachName = REACH_NAMES.find((name) => counts[name] !== undefined);
  return { engagement, reach: reachName ? counts[reachName]! : null };
}
