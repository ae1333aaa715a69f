import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { graphRead, insightCounts, type InsightsAnswer } from '../meta-graph/graph-metrics';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { requiredCredential } from '../publisher-helpers';

const PLATFORM = 'facebook';
/** limit(0): only the summary's total_count, none of the reactions or comments themselves. */
const FIELDS = 'reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares';
/** The replacement Meta names for post_impressions_unique (deprecated for all versions in June 2025). */
const REACH_METRIC = 'post_total_media_view_unique';

interface PostAnswer {
  reactions?: { summary?: { total_count?: unknown } };
  comments?: { summary?: { total_count?: unknown } };
  shares?: { count?: unknown };
}

/**
 * Facebook Pages: GET /{post-id}?fields=reactions.summary,comments.summary,shares (pages_read_engagement,
 * which Gaung asks for), then GET /{post-id}/insights?metric=post_total_media_view_unique for the
 * reach, which needs read_insights (the ANALYZE task on the page): without it, or on a page too small
 * for insights, the reach stays unknown and the counts are kept. Meta's page limits are per engaged
 * user per day; two calls a read at 100 reads an hour stay far inside them.
 */
@Injectable()
export class FacebookMetrics implements PostMetricsReader {
  readonly platform: Platform = 'FACEBOOK';
  readonly provides = ['reactions', 'comments', 'shares', 'reach'] as const;
  readonly readBudget = { posts: 100, windowMs: 60 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const call = {
      baseUrl: this.config.GRAPH_API_URL,
      accessToken: requiredCredential(PLATFORM, account.credentials, 'pageAccessToken'),
      signal,
    };
    const post = await graphRead<PostAnswer>(this.http, PLATFORM, {
      ...call,
      path: `/${externalId}`,
      params: { fields: FIELDS },
    });
    if (post.state !== 'OK') return post;
    const insights = await graphRead<InsightsAnswer>(this.http, PLATFORM, {
      ...call,
      path: `/${externalId}/insights`,
      params: { metric: REACH_METRIC },
    });
    if (insights.state === 'DELETED') return insights;
    const counts = {
      ...summaryCounts(post.data),
      ...(insights.state === 'OK' ? insightCounts(insights.data, { reach: REACH_METRIC }) : {}),
    };
    return { state: 'OK', counts };
  }
}

function summaryCounts(post: PostAnswer) {
  const reactions = post.reactions?.summary?.total_count;
  const comments = post.comments?.summary?.total_count;
  const counts: Record<string, unknown> = { reactions, comments };
  // The Graph API leaves `shares` out of a post nobody has shared yet; with the other summaries
  // present that absence is a documented 0, not an unknown.
  if (post.shares) counts.shares = post.shares.count;
  else if (reactions !== undefined) counts.shares = 0;
  return pickCounts(counts, { reactions: 'reactions', comments: 'comments', shares: 'shares' });
}
