import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { blueskyError } from './bluesky-errors';
import { BlueskySessions } from './bluesky-session';

interface PostView {
  uri: string;
  [count: string]: unknown;
}

/**
 * app.bsky.feed.getPosts through the account's PDS (which proxies app.bsky.* to the AppView):
 * likeCount, repostCount, replyCount, quoteCount. A deleted post is simply missing from `posts`.
 * PDS limits are 3,000 requests per 5 minutes per IP; metrics take a small share per account.
 */
@Injectable()
export class BlueskyMetrics implements PostMetricsReader {
  readonly platform: Platform = 'BLUESKY';
  readonly provides = ['likes', 'reposts', 'replies', 'quotes'] as const;
  readonly readBudget = { posts: 60, windowMs: 5 * 60_000 };
  private readonly sessions: BlueskySessions;

  constructor(
    http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sessions = new BlueskySessions(http, config.PUBLISH_TIMEOUT_MS);
  }

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const service = (account.baseUrl ?? this.config.BLUESKY_SERVICE_URL).replace(/\/+$/, '');
    const { response } = await this.sessions.call<{ posts?: PostView[] }>(account, service, signal, () => ({
      method: 'GET',
      url: '/xrpc/app.bsky.feed.getPosts',
      params: { uris: externalId },
    }));
    if (response.status !== 200) throw blueskyError(response, 'other');
    const post = response.data.posts?.find((view) => view.uri === externalId);
    if (!post) return { state: 'DELETED' };
    return {
      state: 'OK',
      counts: pickCounts(post, {
        likes: 'likeCount',
        reposts: 'repostCount',
        replies: 'replyCount',
        quotes: 'quoteCount',
      }),
    };
  }
}
