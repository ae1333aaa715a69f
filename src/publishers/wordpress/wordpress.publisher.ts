import { Inject, Injectable } from '@nestjs/common';
import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import type {
  AccountContext,
  MediaItem,
  PlatformLimits,
  PublishContent,
  PublishRequest,
  PublishResult,
  Publisher,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { commonIssues, issue } from '../publisher-helpers';
import { escapeHtml, plainTextToHtml } from './wordpress-content';
import { wordpressError } from './wordpress-errors';
import { WORDPRESS_CONNECT } from './wordpress.connect';
import { WordpressMetrics } from './wordpress.metrics';

const PLATFORM = 'wordpress';
const MARKER = 'gaung-';

interface WpPost {
  id: number;
  link: string;
  slug: string;
  status: string;
}

/**
 * WordPress sites through the REST API with an application password. Our marker is the slug
 * `gaung-<idempotency key>`: findPublished looks it up (any status but trash), and publish looks
 * first too, so a retry after an ambiguous outcome never creates a second post.
 */
@Injectable()
export class WordpressPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = WORDPRESS_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = WordpressMetrics;
  readonly platform: Platform = 'WORDPRESS';
  readonly limits: PlatformLimits = {
    maxChars: 100_000,
    counting: 'graphemes',
    maxMedia: 1,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      maxImageBytes: 10 * 1024 * 1024,
      maxImageEdge: 2560,
      maxImagePixels: 2560 * 2560,
      aspectRatio: null,
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 64 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: true,
    requiresTitle: true,
    rateBudget: null,
  };
  readonly ambiguousRetry = 'lookup' as const;

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    if (!content.title?.trim()) {
      issues.push(
        issue(`${PLATFORM}.title_required`, 'Artikel WordPress wajib punya judul.', 'A WordPress post needs a title.'),
      );
    }
    // The one medium is the featured image; WordPress has no featured video.
    if (content.media.some((item) => item.kind !== 'IMAGE')) {
      issues.push(
        issue(
          `${PLATFORM}.one_featured_image`,
          'WordPress hanya menerima satu gambar (gambar unggulan).',
          'WordPress takes one image only (the featured image).',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const existing = await this.findPublished(request);
    if (existing) return existing;
    const { account, content, signal } = request;
    if (!content.title?.trim())
      throw PublishError.permanent('wordpress.title_required', 'A WordPress post needs a title');
    const featuredMedia = content.media[0] ? await this.uploadFeaturedImage(request, content.media[0]) : undefined;
    const response = await this.call<WpPost>(account, 'post', {
      method: 'POST',
      url: '/wp/v2/posts',
      data: {
        title: escapeHtml(content.title),
        content: plainTextToHtml(content.text),
        status: 'publish',
        slug: markerSlug(request),
        ...(featuredMedia ? { featured_media: featuredMedia } : {}),
      },
      signal,
    });
    if (response.status !== 201) throw wordpressError(response, 'post');
    if (featuredMedia) await this.attachToPost(request, featuredMedia, response.data.id, content.media[0]!.altText);
    return { externalId: String(response.data.id), url: response.data.link };
  }

  /** Our post by its marker slug, in any status except trash (an editor may have unpublished it). */
  async findPublished(request: PublishRequest): Promise<PublishResult | null> {
    const response = await this.call<WpPost[]>(request.account, 'other', {
      method: 'GET',
      url: '/wp/v2/posts',
      // Posts published before the marker stopped being doubled carry `gaung-gaung-...`.
      params: {
        slug: [...new Set([markerSlug(request), `gaung-${markerSlug(request)}`])].join(','),
        status: 'any',
        context: 'edit',
        _fields: 'id,link,slug,status',
      },
      signal: request.signal,
    });
    if (response.status !== 200) throw wordpressError(response, 'other');
    const post = Array.isArray(response.data) ? response.data[0] : undefined;
    return post ? { externalId: String(post.id), url: post.link } : null;
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const me = await this.call<{ id: number; name: string; slug: string; capabilities?: Record<string, boolean> }>(
      account,
      'other',
      {
        method: 'GET',
        url: '/wp/v2/users/me',
        params: { context: 'edit' },
        signal,
      },
    );
    if (me.status !== 200) throw wordpressError(me, 'other');
    if (me.data.capabilities && me.data.capabilities.publish_posts !== true) {
      throw PublishError.auth('wordpress.cannot_publish', `The WordPress user ${me.data.slug} may not publish posts`);
    }
    const site = await this.call<{ name?: string }>(account, 'other', { method: 'GET', url: '/', signal });
    return {
      externalId: String(me.data.id),
      displayName: site.status === 200 && site.data.name ? site.data.name : me.data.name,
      handle: me.data.slug,
      settings: { userName: me.data.name },
    };
  }

  /** POST /wp/v2/media with the raw file; alt text rides along as a parameter. */
  private async uploadFeaturedImage(request: PublishRequest, item: MediaItem): Promise<number> {
    const extension = item.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
    const response = await this.call<{ id: number }>(request.account, 'other', {
      method: 'POST',
      url: '/wp/v2/media',
      params: item.altText ? { alt_text: item.altText } : undefined,
      headers: {
        'Content-Type': item.mimeType,
        'Content-Disposition': `attachment; filename="${markerSlug(request)}.${extension}"`,
      },
      data: await item.read(),
      signal: request.signal,
    });
    if (response.status !== 201) throw wordpressError(response, 'other');
    return response.data.id;
  }

  /**
   * The uploaded image belongs to its post (the media item's `post` field: the post's gallery and
   * "Uploaded to" in the media library) and keeps its alt text. The post is already published, so a
   * failure here must not fail the delivery: the featured image shows either way.
   */
  private async attachToPost(
    request: PublishRequest,
    mediaId: number,
    postId: number,
    altText: string | null,
  ): Promise<void> {
    await this.call(request.account, 'other', {
      method: 'POST',
      url: `/wp/v2/media/${mediaId}`,
      data: { post: postId, ...(altText ? { alt_text: altText } : {}) },
      signal: request.signal,
    }).catch(() => undefined);
  }

  private async call<T>(
    account: AccountContext,
    phase: 'post' | 'other',
    config: AxiosRequestConfig,
  ): Promise<AxiosResponse<T>> {
    const { username, applicationPassword } = account.credentials;
    if (typeof username !== 'string' || typeof applicationPassword !== 'string' || !username || !applicationPassword) {
      throw PublishError.auth('wordpress.no_credentials', 'The WordPress user name or application password is missing');
    }
    if (!account.baseUrl)
      throw PublishError.auth('wordpress.no_site', 'The WordPress site URL is not set for this account');
    try {
      return await this.http.request<T>('wordpress', {
        ...config,
        baseURL: `${account.baseUrl.replace(/\/+$/, '')}/wp-json`,
        auth: { username, password: applicationPassword },
        timeout: this.config.PUBLISH_TIMEOUT_MS,
      });
    } catch (error) {
      if (!(error instanceof PublishError)) throw error;
      // Only creating the post may have published; a lost upload or look-up published nothing.
      const kind = phase === 'other' && error.kind === 'AMBIGUOUS' ? 'NOT_SENT_RETRYABLE' : error.kind;
      // transportError never keeps the request (it holds the Basic credentials) as the cause.
      throw new PublishError(kind, error.code, error.message, { httpStatus: error.httpStatus, cause: error.cause });
    }
  }
}

/**
 * WordPress lower-cases slugs; the idempotency key is letters, digits and '-' only. The engine's
 * keys already start with our marker (`gaung-<target>-v<version>`): it is not added twice.
 */
function markerSlug(request: PublishRequest): string {
  const key = request.idempotencyKey.toLowerCase();
  return key.startsWith(MARKER) ? key : `${MARKER}${key}`;
}
