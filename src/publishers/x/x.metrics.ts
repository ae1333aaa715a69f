import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { xError } from './x-errors';
import { xSession } from './x-session';

interface TweetsAnswer {
  data?: Array<{ id: string; public_metrics?: Record<string, unknown> }>;
  errors?: Array<{ type?: string; value?: string }>;
}

const NOT_FOUND = 'https://api.twitter.com/2/problems/resource-not-found';

/**
 * GET /2/tweets?ids=…&tweet.fields=public_metrics: likes, reposts, replies, quotes, bookmarks as
 * saves, impressions. A deleted post comes back as a 200 with a resource-not-found error for its id.
 * The endpoint allows 15 reads per 15 minutes per user on the lowest paid tier: metrics keep to 10.
 */
@Injectable()
export class XMetrics implements PostMetricsReader {
  readonly platform: Platform = 'X';
  readonly provides = ['likes', 'reposts', 'replies', 'quotes', 'saves', 'impressions'] as const;
  readonly readBudget = { posts: 10, windowMs: 15 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const session = xSession(this.http, this.config.X_API_URL, account, signal);
    const response = await session.send<TweetsAnswer>({
      method: 'GET',
      url: '/2/tweets',
      params: { ids: externalId, 'tweet.fields': 'public_metrics' },
    });
    if (response.status !== 200) throw xError(response, false);
    const tweet = response.data.data?.find((item) => item.id === externalId);
    if (!tweet) {
      if (response.data.errors?.some((error) => error.type === NOT_FOUND && error.value === externalId))
        return { state: 'DELETED' };
      throw xError({ ...response, status: 502 }, false);
    }
    return {
      state: 'OK',
      counts: pickCounts(tweet.public_metrics ?? {}, {
        likes: 'like_count',
        reposts: 'retweet_count',
        replies: 'reply_count',
        quotes: 'quote_count',
        saves: 'bookmark_count',
        impressions: 'impression_count',
      }),
    };
  }
}
