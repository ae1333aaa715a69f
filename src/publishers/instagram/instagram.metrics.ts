import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { graphRead, insightCounts, type InsightsAnswer } from '../meta-graph/graph-metrics';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { requiredCredential } from '../publisher-helpers';

const PLATFORM = 'instagram';
/**
 * Media insights valid for feed posts, carousels and reels since v22.0. `impressions`, `plays` and
 * `video_views` are deprecated (an error for media from July 2024 on): `views` replaces them.
 */
const METRICS = {
  reach: 'reach',
  views: 'views',
  likes: 'likes',
  comments: 'comments',
  saves: 'saved',
  shares: 'shares',
} as const;

/**
 * Instagram: GET /{ig-media-id}/insights?metric=reach,views,likes,comments,saved,shares. Insights need
 * instagram_manage_insights, which Gaung does not ask for yet, and Meta refuses them for media with
 * too few viewers (#10): then the media's own like_count and comments_count (instagram_basic) are
 * read instead, so likes and comments are still known. A metric Meta leaves out stays unknown. The
 * Graph API allows 200 calls per hour per account; metrics keep to 100 reads.
 */
@Injectable()
export class InstagramMetrics implements PostMetricsReader {
  readonly platform: Platform = 'INSTAGRAM';
  readonly provides = ['reach', 'views', 'likes', 'comments', 'saves', 'shares'] as const;
  readonly readBudget = { posts: 100, windowMs: 60 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const call = {
      baseUrl: this.config.GRAPH_API_URL,
      accessToken: requiredCredential(PLATFORM, account.credentials, 'accessToken'),
      signal,
    };
    const insights = await graphRead<InsightsAnswer>(this.http, PLATFORM, {
      ...call,
      path: `/${externalId}/insights`,
      params: { metric: Object.values(METRICS).join(',') },
    });
    if (insights.state === 'OK') return { state: 'OK', counts: insightCounts(insights.data, METRICS) };
    if (insights.state === 'DELETED') return insights;
    const media = await graphRead<Record<string, unknown>>(this.http, PLATFORM, {
      ...call,
      path: `/${externalId}`,
      params: { fields: 'like_count,comments_count' },
    });
    if (media.state !== 'OK') return media;
    return { state: 'OK', counts: pickCounts(media.data, { likes: 'like_count', comments: 'comments_count' }) };
  }
}
