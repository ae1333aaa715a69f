import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { beforePublication, PlatformHttp } from '../http/platform-http';
import { graphRequest } from '../meta-graph/graph-api';
import {
  type ContainerPolling,
  DEFAULT_CONTAINER_POLLING,
  ensurePublishingQuota,
  META_CONTAINER_POLLING,
  waitForContainer,
} from '../meta-graph/containers';
import { publishContainer } from '../meta-graph/publish-container';
import type {
  AccountContext,
  AmbiguousRetry,
  MediaItem,
  PlatformLimits,
  PublishContent,
  Publisher,
  PublishRequest,
  PublishResult,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { commonIssues, issue, requiredCredential, requiredExternalId } from '../publisher-helpers';
import { INSTAGRAM_CONNECT } from './instagram.connect';
import { InstagramMetrics } from './instagram.metrics';

const PLATFORM = 'instagram';
const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_HASHTAGS = 30;
const HASHTAG = /#[\p{L}\p{N}_]+/gu;

/**
 * Instagram professional accounts through the Graph API content publishing flow: media container(s),
 * wait until FINISHED, then media_publish. Credentials: { accessToken } (the linked page's token);
 * externalId: the IG user id.
 *
 * ambiguousRetry is 'none': containers are created anew on every attempt and the published media
 * does not name the container it came from, so a later attempt could post twice. Within one attempt
 * a lost media_publish answer is resolved through the container's status (see publishContainer);
 * everything before media_publish is invisible and safely retried.
 */
@Injectable()
export class InstagramPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = INSTAGRAM_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = InstagramMetrics;
  readonly platform = 'INSTAGRAM' as const;
  readonly ambiguousRetry: AmbiguousRetry = 'none';
  readonly limits: PlatformLimits = {
    maxChars: 2_200,
    counting: 'graphemes',
    maxMedia: 10,
    media: {
      imageFormats: ['image/jpeg'],
      maxImageBytes: 8 * 1024 * 1024,
      maxImageEdge: 1440,
      maxImagePixels: 1440 * 1800,
      aspectRatio: { min: 0.8, max: 1.91 },
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 300 * 1024 * 1024,
    },
    requiresMedia: true,
    requiresText: false,
    requiresTitle: false,
    rateBudget: { posts: 50, windowMs: DAY_MS },
  };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(META_CONTAINER_POLLING) private readonly polling: ContainerPolling = DEFAULT_CONTAINER_POLLING,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    const hashtags = content.text.match(HASHTAG)?.length ?? 0;
    if (hashtags > MAX_HASHTAGS) {
      issues.push(
        issue(
          `${PLATFORM}.too_many_hashtags`,
          `Terlalu banyak tagar: ${hashtags} dari maksimal ${MAX_HASHTAGS}.`,
          `Too many hashtags: ${hashtags} of at most ${MAX_HASHTAGS}.`,
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const igUserId = requiredExternalId(PLATFORM, request.account.externalId);
    const accessToken = requiredCredential(PLATFORM, request.account.credentials, 'accessToken');
    const call = { http: this.http, baseUrl: this.config.GRAPH_API_URL, accessToken, signal: request.signal };
    const post = <T>(path: string, params: Record<string, string | boolean | undefined>) =>
      graphRequest<T>(call.http, PLATFORM, { ...call, method: 'POST', path, params });

    await ensurePublishingQuota(this.http, PLATFORM, {
      ...call,
      path: `/${igUserId}/content_publishing_limit`,
      fallbackTotal: this.limits.rateBudget!.posts,
    });
    const creationId = await beforePublication(() =>
      this.prepareContainer(igUserId, request.content, post, request.signal, accessToken),
    );
    return publishContainer(this.http, PLATFORM, {
      ...call,
      userId: igUserId,
      creationId,
      publishPath: '/media_publish',
      statusField: 'status_code',
      mediaEdge: '/media',
      textField: 'caption',
      text: request.content.text,
    });
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const igUserId = requiredExternalId(PLATFORM, account.externalId);
    const user = await graphRequest<{ id: string; username: string; name?: string }>(this.http, PLATFORM, {
      baseUrl: this.config.GRAPH_API_URL,
      method: 'GET',
      path: `/${igUserId}`,
      accessToken: requiredCredential(PLATFORM, account.credentials, 'accessToken'),
      params: { fields: 'id,username,name' },
      signal,
    });
    return { externalId: user.id, displayName: user.name || user.username, handle: user.username };
  }

  /** One container for one image or reel; children plus a CAROUSEL container for several. */
  private async prepareContainer(
    igUserId: string,
    content: PublishContent,
    post: <T>(path: string, params: Record<string, string | boolean | undefined>) => Promise<T>,
    signal: AbortSignal,
    accessToken: string,
  ): Promise<string> {
    const create = async (params: Record<string, string | boolean | undefined>) => {
      const { id } = await post<{ id: string }>(`/${igUserId}/media`, params);
      await waitForContainer(this.http, PLATFORM, {
        baseUrl: this.config.GRAPH_API_URL,
        accessToken,
        containerId: id,
        statusField: 'status_code',
        reasonField: 'status',
        polling: this.polling,
        signal,
      });
      return id;
    };
    const [first] = content.media;
    if (content.media.length === 1) {
      return first.kind === 'VIDEO'
        ? create({ media_type: 'REELS', video_url: first.publicUrl, caption: content.text })
        : create({ image_url: first.publicUrl, caption: content.text });
    }
    const children: string[] = [];
    for (const item of content.media) children.push(await create({ ...mediaParams(item), is_carousel_item: true }));
    return create({ media_type: 'CAROUSEL', children: children.join(','), caption: content.text });
  }
}

function mediaParams(item: MediaItem): Record<string, string> {
  return item.kind === 'VIDEO' ? { media_type: 'VIDEO', video_url: item.publicUrl } : { image_url: item.publicUrl };
}
