import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import type { MetricsReading, PostMetricsReader } from '../post-metrics';
import { PublishError } from '../publish-error';
import type { AccountContext } from '../publisher';
import { wordpressError } from './wordpress-errors';

/**
 * WordPress gives comments only: GET /wp/v2/posts/:id (404 rest_post_invalid_id or status "trash" =
 * deleted), then GET /wp/v2/comments?post=:id&per_page=1, whose X-WP-Total header is the count of
 * approved comments. Core has no rate limit; a budget of 60 per 5 minutes spares small hosts.
 */
@Injectable()
export class WordpressMetrics implements PostMetricsReader {
  readonly platform: Platform = 'WORDPRESS';
  readonly provides = ['comments'] as const;
  readonly readBudget = { posts: 60, windowMs: 5 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const { username, applicationPassword } = account.credentials;
    if (typeof username !== 'string' || typeof applicationPassword !== 'string' || !username || !applicationPassword) {
      throw PublishError.auth('wordpress.no_credentials', 'The WordPress user name or application password is missing');
    }
    if (!account.baseUrl)
      throw PublishError.auth('wordpress.no_site', 'The WordPress site URL is not set for this account');
    const call = <T>(url: string, params?: Record<string, string | number>) =>
      this.http.request<T>('wordpress', {
        method: 'GET',
        baseURL: `${account.baseUrl!.replace(/\/+$/, '')}/wp-json`,
        url,
        params,
        auth: { username, password: applicationPassword },
        timeout: this.config.PUBLISH_TIMEOUT_MS,
        signal,
      });
    const post = await call<{ status?: string }>(`/wp/v2/posts/${encodeURIComponent(externalId)}`, {
      context: 'edit',
      _fields: 'id,status',
    });
    if (post.status === 404 || post.status === 410 || (post.status === 200 && post.data.status === 'trash'))
      return { state: 'DELETED' };
    if (post.status !== 200) throw wordpressError(post, 'other');
    const comments = await call<unknown[]>('/wp/v2/comments', { post: externalId, per_page: 1, _fields: 'id' });
    if (comments.status !== 200) throw wordpressError(comments, 'other');
    const total = Number(comments.headers['x-wp-total']);
    return { state: 'OK', counts: Number.isInteger(total) && total >= 0 ? { comments: total } : {} };
  }
}
