import { Inject, Injectable, Optional } from '@nestjs/common';
import twitterText from 'twitter-text';
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
  RefreshedCredentials,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { commonIssues, issue, requiredCredential, requiredExternalId } from '../publisher-helpers';
import { refreshThreadsToken } from './threads-oauth';
import { THREADS_CONNECT } from './threads.connect';
import { ThreadsMetrics } from './threads.metrics';

const PLATFORM = 'threads';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Threads refuses a post whose text holds more than 5 distinct links (THREADS_API__LINK_LIMIT_EXCEEDED). */
const MAX_LINKS = 5;

type GraphParams = Record<string, string | boolean | undefined>;

/**
 * Threads through its Graph-style API: a container (TEXT, IMAGE, VIDEO or CAROUSEL), then
 * threads_publish. Credentials: { accessToken } (long-lived, 60 days, refreshable); externalId: the
 * Threads user id. ambiguousRetry is 'none' for the same reason as Instagram: a later attempt creates
 * a new container and a published thread cannot be traced back to ours; within one attempt a lost
 * threads_publish answer is resolved through the container's status (see publishContainer).
 */
@Injectable()
export class ThreadsPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = THREADS_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = ThreadsMetrics;
  readonly platform = 'THREADS' as const;
  readonly ambiguousRetry: AmbiguousRetry = 'none';
  readonly limits: PlatformLimits = {
    maxChars: 500,
    counting: 'graphemes',
    maxMedia: 20,
    media: {
      imageFormats: ['image/jpeg', 'image/png'],
      maxImageBytes: 8 * 1024 * 1024,
      maxImageEdge: 1440,
      maxImagePixels: 1440 * 14400,
      aspectRatio: { min: 0.1, max: 10 },
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 1024 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    rateBudget: { posts: 250, windowMs: DAY_MS },
  };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(META_CONTAINER_POLLING) private readonly polling: ContainerPolling = DEFAULT_CONTAINER_POLLING,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    const links = new Set(twitterText.extractUrls(content.text)).size;
    if (links > MAX_LINKS) {
      issues.push(
        issue(
          `${PLATFORM}.too_many_links`,
          `Terlalu banyak tautan: ${links} dari maksimal ${MAX_LINKS}.`,
          `Too many links: ${links} of at most ${MAX_LINKS}.`,
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const userId = requiredExternalId(PLATFORM, request.account.externalId);
    const accessToken = requiredCredential(PLATFORM, request.account.credentials, 'accessToken');
    const baseUrl = this.config.THREADS_API_URL;
    const post = <T>(path: string, params: GraphParams) =>
      graphRequest<T>(this.http, PLATFORM, {
        baseUrl,
        accessToken,
        method: 'POST',
        path,
        params,
        signal: request.signal,
      });
    const create = async (params: GraphParams) => {
      const { id } = await post<{ id: string }>(`/${userId}/threads`, params);
      await waitForContainer(this.http, PLATFORM, {
        baseUrl,
        accessToken,
        containerId: id,
        statusField: 'status',
        reasonField: 'error_message',
        polling: this.polling,
        signal: request.signal,
      });
      return id;
    };

    await ensurePublishingQuota(this.http, PLATFORM, {
      baseUrl,
      accessToken,
      path: `/${userId}/threads_publishing_limit`,
      fallbackTotal: this.limits.rateBudget!.posts,
      signal: request.signal,
    });
    const creationId = await beforePublication(async () => {
      const { text, media } = request.content;
      if (media.length === 0) return create({ media_type: 'TEXT', text });
      if (media.length === 1) return create({ ...mediaParams(media[0]), text });
      const children: string[] = [];
      for (const item of media) children.push(await create({ ...mediaParams(item), is_carousel_item: true }));
      return create({ media_type: 'CAROUSEL', children: children.join(','), text });
    });
    return publishContainer(this.http, PLATFORM, {
      baseUrl,
      accessToken,
      signal: request.signal,
      userId,
      creationId,
      publishPath: '/threads_publish',
      statusField: 'status',
      mediaEdge: '/threads',
      textField: 'text',
      text: request.content.text,
    });
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const me = await graphRequest<{ id: string; username: string; name?: string }>(this.http, PLATFORM, {
      baseUrl: this.config.THREADS_API_URL,
      method: 'GET',
      path: '/me',
      accessToken: requiredCredential(PLATFORM, account.credentials, 'accessToken'),
      params: { fields: 'id,username,name' },
      signal,
    });
    return { externalId: me.id, displayName: me.name || me.username, handle: me.username };
  }

  /** Long-lived Threads tokens last 60 days and can be refreshed once they are a day old. */
  async refreshCredentials(account: AccountContext, signal: AbortSignal): Promise<RefreshedCredentials> {
    const token = await refreshThreadsToken(
      this.http,
      this.config.THREADS_API_URL,
      requiredCredential(PLATFORM, account.credentials, 'accessToken'),
      signal,
    );
    return { credentials: { ...account.credentials, accessToken: token.accessToken }, expiresAt: token.expiresAt };
  }
}

function mediaParams(item: MediaItem): Record<string, string> {
  return item.kind === 'VIDEO'
    ? { media_type: 'VIDEO', video_url: item.publicUrl }
    : { media_type: 'IMAGE', image_url: item.publicUrl };
}
