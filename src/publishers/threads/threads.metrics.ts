import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { graphRead, insightCounts, type InsightsAnswer } from '../meta-graph/graph-metrics';
import type { MetricsReading, PostMetricsReader } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { requiredCredential } from '../publisher-helpers';

const PLATFORM = 'threads';
const METRICS = {
  views: 'views',
  likes: 'likes',
  replies: 'replies',
  reposts: 'reposts',
  quotes: 'quotes',
  shares: 'shares',
} as const;

/**
 * Threads: GET /{threads-media-id}/insights?metric=views,likes,replies,reposts,quotes,shares, which
 * needs threads_manage_insights; without it (Gaung does not ask for it yet) the counts are not
 * available. Threads has no public count fields to fall back on. Reads keep to 100 an hour.
 */
@Injectable()
export class ThreadsMetrics implements PostMetricsReader {
  readonly platform: Platform = 'THREADS';
  readonly provides = ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'] as const;
  readonly readBudget = { posts: 100, windowMs: 60 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const insights = await graphRead<InsightsAnswer>(this.http, PLATFORM, {
      baseUrl: this.config.THREADS_API_URL,
      accessToken: requiredCredential(PLATFORM, account.credentials, 'accessToken'),
      path: `/${externalId}/insights`,
      params: { metric: Object.values(METRICS).join(',') },
      signal,
    });
    return insights.state === 'OK' ? { state: 'OK', counts: insightCounts(insights.data, METRICS) } : insights;
  }
}
