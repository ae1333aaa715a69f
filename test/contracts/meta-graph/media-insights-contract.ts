import type { ServerResponse } from 'node:http';
import { type RecordedRequest, sendJson } from '../contract-server';
import type { ContainerContract } from './container-contract';
import { accessTokenOf, INVALID_TOKEN, pathId, sendGraphError } from './graph-contract';
import type { ConsentDialog } from '../consent-dialog';

/** What differs between Instagram's and Threads' media insights, as each documents it. */
export interface InsightsDialect {
  metrics: string[];
  /** Metrics a version no longer takes, with the error Meta answers for them. */
  deprecated: string[];
  permission: string;
  /** Instagram refuses insights on media with too few viewers; Threads does not document it. */
  tooFewViewersError?: boolean;
}

const NO_SUCH_OBJECT = (id: string) => ({
  status: 400,
  code: 100,
  subcode: 33,
  message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
});

/**
 * GET /{media-id}/insights?metric=… for media a ContainerContract published: { data: [{ name, period:
 * "lifetime", values: [{ value }], title, description, id }] }; a metric without data is left out of
 * the set (never 0); a deprecated or unknown metric is a 400 (#100); without the insights permission
 * (#10) "Application does not have permission"; a deleted media is 100/33. For Instagram also
 * GET /{media-id}?fields=like_count,comments_count (instagram_basic).
 */
export class MediaInsightsContract {
  readonly values = new Map<string, Record<string, number>>();
  readonly deleted = new Set<string>();
  readonly tooFewViewers = new Set<string>();
  /** Tokens granted the insights permission. */
  readonly granted = new Set<string>();
  readonly publicCounts = new Map<string, { like_count: number; comments_count: number }>();

  constructor(
    private readonly server: ContainerContract,
    private readonly dialect: InsightsDialect,
    /** The sign-in dialog whose grants count too (a token granted the dialect's permission). */
    private readonly consent?: ConsentDialog,
  ) {
    server.graphRoute('GET', '/:id/insights', (req, res) => this.insights(req, res));
    server.readObjectsToo((req, res) => this.mediaFields(req, res));
  }

  private insights(req: RecordedRequest, res: ServerResponse): void {
    const token = accessTokenOf(req) ?? '';
    if (!this.server.tokens.has(token)) return sendGraphError(res, INVALID_TOKEN);
    const id = pathId(req);
    if (!this.exists(id)) return sendGraphError(res, NO_SUCH_OBJECT(id));
    const metrics = (req.query.get('metric') ?? '').split(',').filter(Boolean);
    if (metrics.length === 0)
      return sendGraphError(res, { status: 400, code: 100, message: '(#100) The parameter metric is required' });
    const wrong = metrics.findIndex((m) => this.dialect.deprecated.includes(m) || !this.dialect.metrics.includes(m));
    if (wrong >= 0)
      return sendGraphError(res, {
        status: 400,
        code: 100,
        message: `(#100) metric[${wrong}] must be one of the following values: ${this.dialect.metrics.join(', ')}`,
      });
    if (!this.granted.has(token) && !this.consent?.has(token, this.dialect.permission))
      return sendGraphError(res, {
        status: 403,
        code: 10,
        message: `(#10) Application does not have permission for this action (${this.dialect.permission})`,
      });
    if (this.dialect.tooFewViewersError && this.tooFewViewers.has(id))
      return sendGraphError(res, {
        status: 400,
        code: 10,
        message: '(#10) Not enough viewers for the media to show insights',
      });
    const values = this.values.get(id) ?? {};
    const data = metrics
      .filter((name) => values[name] !== undefined)
      .map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: values[name] }],
        title: name,
        description: `${name} of the media`,
        id: `${id}/insights/${name}/lifetime`,
      }));
    sendJson(res, 200, { data });
  }

  private mediaFields(req: RecordedRequest, res: ServerResponse): boolean {
    const fields = (req.query.get('fields') ?? '').split(',');
    if (!fields.includes('like_count') && !fields.includes('comments_count')) return false;
    const id = pathId(req);
    if (!this.server.tokens.has(accessTokenOf(req) ?? '')) sendGraphError(res, INVALID_TOKEN);
    else if (!this.exists(id)) sendGraphError(res, NO_SUCH_OBJECT(id));
    else sendJson(res, 200, { id, ...(this.publicCounts.get(id) ?? { like_count: 0, comments_count: 0 }) });
    return true;
  }

  private exists(id: string): boolean {
    return this.server.published.some((media) => media.id === id) && !this.deleted.has(id);
  }
}

export const INSTAGRAM_INSIGHTS: InsightsDialect = {
  metrics: [
    'reach',
    'views',
    'likes',
    'comments',
    'saved',
    'shares',
    'total_interactions',
    'follows',
    'profile_visits',
    'ig_reels_avg_watch_time',
  ],
  deprecated: ['impressions', 'plays', 'video_views', 'clips_replays_count', 'ig_reels_aggregated_all_plays_count'],
  permission: 'instagram_manage_insights',
  tooFewViewersError: true,
};

export const THREADS_INSIGHTS: InsightsDialect = {
  metrics: ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'],
  deprecated: [],
  permission: 'threads_manage_insights',
};
