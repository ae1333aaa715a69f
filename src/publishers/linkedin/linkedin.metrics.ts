import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { type MetricsReading, type PostMetricsReader, pickCounts } from '../post-metrics';
import type { AccountContext } from '../publisher';
import { linkedinError } from './linkedin-errors';
import { linkedinSession } from './linkedin-session';

interface SocialActionsSummary {
  likesSummary?: { totalLikes?: unknown };
  commentsSummary?: { aggregatedTotalComments?: unknown };
}

/**
 * LinkedIn: GET /rest/socialActions/{post urn}, the likes and comments summary of a post. Reading it
 * needs r_organization_social (organisations) or r_member_social (members, granted by LinkedIn to
 * select developers only); Gaung asks for neither yet, so a 403 ACCESS_DENIED is "not available",
 * never a reason to park an account that publishes fine. 404 = deleted; 401 refreshes the token
 * once, then AUTH. Member and application limits are daily: metrics keep to 50 reads an hour.
 */
@Injectable()
export class LinkedInMetrics implements PostMetricsReader {
  readonly platform: Platform = 'LINKEDIN';
  readonly provides = ['likes', 'comments'] as const;
  readonly readBudget = { posts: 50, windowMs: 60 * 60_000 };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async read(account: AccountContext, externalId: string, signal: AbortSignal): Promise<MetricsReading> {
    const session = linkedinSession(this.http, this.config.LINKEDIN_API_URL, account, signal);
    const response = await session.send<SocialActionsSummary>({
      method: 'GET',
      url: `/rest/socialActions/${encodeURIComponent(externalId)}`,
    });
    if (response.status === 404 || response.status === 410) return { state: 'DELETED' };
    if (response.status === 403) return { state: 'NOT_AVAILABLE' };
    if (response.status !== 200) throw linkedinError(response, false);
    const summary = {
      likes: response.data.likesSummary?.totalLikes,
      comments: response.data.commentsSummary?.aggregatedTotalComments,
    };
    return { state: 'OK', counts: pickCounts(summary, { likes: 'likes', comments: 'comments' }) };
  }
}
