import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import { PublishError } from '../publish-error';
import type { AccountContext } from '../publisher';
import { mastodonError } from './mastodon-errors';
import { trimSlash } from './mastodon-oauth';

/**
 * GET /api/v1/statuses/:id: favourites, reblogs, replies (and quotes on Mastodon 4.5+). A status
 * that is gone answers 404 "Record not found": recorded as deleted. Mastodon allows 300 calls per
 * 5 minutes per token; metrics take at most a tenth of that so publishing keeps its room.
 */
@Injectable()
export class MastodonMetrics implements PostMetricsReader {
  readonly platform: Platform = 'MASTODON';
  readonly provides = ['likes', 'reposts', 'replies', 'quotes'] as const;
  readonly readBudget = { posts: 30, windowMs: 5 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const token = account.credentials.accessToken;
    if (typeof token !== 'string' || token === '')
      throw PublishError.auth('mastodon.no_token', 'The Mastodon access token is missing');
    if (!account.baseUrl)
      throw PublishError.auth('mastodon.no_instance', 'The Mastodon instance URL is not set for this account');
    const response = await this.http.request<Record<string, unknown>>('mastodon', {
      method: 'GET',
      baseURL: trimSlash(account.baseUrl),
      url: `/api/v1/statuses/${encodeURIComponent(externalId)}`,
      headers: { Authorization: `Bearer ${token}` },
      timeout: this.config.PUBLISH_TIMEOUT_MS,
      signal,
    });
    if (response.status === 404 || response.status === 410) return { state: 'DELETED' };
    if (response.status !== 200) throw mastodonError(response, 'account');
    return {
      state: 'OK',
      counts: pickCounts(response.data, {
        likes: 'favourites_count',
        reposts: 'reblogs_count',
        replies: 'replies_count',
        quotes: 'quotes_count',
      }),
    };
  }
}
