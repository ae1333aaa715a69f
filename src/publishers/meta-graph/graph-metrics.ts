import type { PlatformHttp } from '../http/platform-http';
import { type MetricCounts, pickCounts, type MetricName } from '../post-metrics';
import { type GraphCall, graphResponse } from './graph-api';
import { graphError, graphErrorBody, isPermission } from './graph-error';

/** What one Graph read of a published object found. */
export type GraphRead<T> = { state: 'OK'; data: T } | { state: 'DELETED' } | { state: 'NOT_AVAILABLE' };

/** "Unsupported get request. Object with ID … does not exist": the documented answer for a deleted object. */
const NO_SUCH_OBJECT = { code: 100, subcode: 33 };

/**
 * One GET of a Facebook, Instagram or Threads object for metrics. A deleted object is DELETED; a
 * permission the app was not granted (codes 10, 200-299: read_insights, instagram_manage_insights,
 * threads_manage_insights) and Instagram's "(#10) Not enough viewers" are NOT_AVAILABLE, not AUTH:
 * the account still publishes, and reconnecting cannot grant what the app never asked for. An
 * invalid token (190) and every other error go through the one Graph taxonomy (a read: never
 * ambiguous).
 */
export async function graphRead<T>(
  http: PlatformHttp,
  platform: string,
  call: Omit<GraphCall, 'method'>,
): Promise<GraphRead<T>> {
  const response = await graphResponse<T>(http, platform, { ...call, method: 'GET' });
  if (response.status >= 200 && response.status < 300) return { state: 'OK', data: response.data };
  const body = graphErrorBody(response.data);
  if (body.code === NO_SUCH_OBJECT.code && body.error_subcode === NO_SUCH_OBJECT.subcode) return { state: 'DELETED' };
  if (body.code !== undefined && isPermission(body.code)) return { state: 'NOT_AVAILABLE' };
  throw graphError(platform, response, false);
}

/** A Graph insights answer: { data: [{ name, period, values: [{ value }] }] } (or total_value on newer metrics). */
export interface InsightsAnswer {
  data?: Array<{ name?: string; values?: Array<{ value?: unknown }>; total_value?: { value?: unknown } }>;
}

/**
 * The named counts of an insights answer. A metric the platform left out (Meta answers an empty set
 * rather than 0 when it has no data) stays unknown.
 */
export function insightCounts(answer: InsightsAnswer, names: Partial<Record<MetricName, string>>): MetricCounts {
  const byMetric: Record<string, unknown> = {};
  for (const item of answer.data ?? []) {
    if (item.name) byMetric[item.name] = item.total_value?.value ?? item.values?.at(-1)?.value;
  }
  return pickCounts(byMetric, names);
}
