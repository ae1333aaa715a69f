import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { beforePublication, PlatformHttp } from '../http/platform-http';
import { graphRequest } from '../meta-graph/graph-api';
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
import { FACEBOOK_CONNECT } from './facebook.connect';
import { FacebookMetrics } from './facebook.metrics';

const PLATFORM = 'facebook';
const FIRST_URL = /https?:\/\/[^\s]+/;

/**
 * Facebook Pages through the Graph API. Credentials: { pageAccessToken }; externalId: the page id.
 * ambiguousRetry is 'none': the Graph API has no idempotency key and does not refuse a repeated
 * message, so a post whose outcome is unknown is left UNCONFIRMED for a human to check.
 */
@Injectable()
export class FacebookPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = FACEBOOK_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = FacebookMetrics;
  readonly platform = 'FACEBOOK' as const;
  readonly ambiguousRetry: AmbiguousRetry = 'none';
  readonly limits: PlatformLimits = {
    maxChars: 63_206,
    counting: 'graphemes',
    maxMedia: 10,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
      maxImageBytes: 10 * 1024 * 1024,
      maxImageEdge: 4096,
      maxImagePixels: 4096 * 4096,
      aspectRatio: null,
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 1024 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    rateBudget: null,
  };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    const videos = content.media.filter((m) => m.kind === 'VIDEO').length;
    if (videos > 0 && content.media.length > 1) {
      issues.push(
        issue(
          `${PLATFORM}.video_alone`,
          'Video di Facebook harus dikirim sendiri, tanpa media lain.',
          'A Facebook video must be posted alone, without other media.',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const pageId = requiredExternalId(PLATFORM, request.account.externalId);
    const token = requiredCredential(PLATFORM, request.account.credentials, 'pageAccessToken');
    const { text, media } = request.content;
    const post = (path: string, params: Record<string, string | boolean | undefined>) =>
      graphRequest<{ id: string; post_id?: string }>(this.http, PLATFORM, {
        baseUrl: this.config.GRAPH_API_URL,
        method: 'POST',
        path: `/${pageId}${path}`,
        accessToken: token,
        params,
        signal: request.signal,
      });

    let postId: string;
    if (media.length === 0) {
      const link = FIRST_URL.exec(text)?.[0];
      postId = (await post('/feed', { message: text, link })).id;
    } else if (media.length === 1 && media[0].kind === 'VIDEO') {
      // A page video's id is also the id of its post.
      postId = (await post('/videos', { file_url: media[0].publicUrl, description: text })).id;
    } else if (media.length === 1) {
      const photo = await post('/photos', { url: media[0].publicUrl, caption: text });
      postId = photo.post_id ?? photo.id;
    } else {
      // Several photos: upload each unpublished (invisible, so safe to repeat), then one feed post.
      const photoIds = await beforePublication(() =>
        uploadUnpublished(media, (item) => post('/photos', { url: item.publicUrl, published: false })),
      );
      const attached = Object.fromEntries(
        photoIds.map((id, index) => [`attached_media[${index}]`, JSON.stringify({ media_fbid: id })]),
      );
      postId = (await post('/feed', { message: text, ...attached })).id;
    }
    return { externalId: postId, url: `https://www.facebook.com/${postId}` };
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const pageId = requiredExternalId(PLATFORM, account.externalId);
    const page = await graphRequest<{ id: string; name: string; username?: string }>(this.http, PLATFORM, {
      baseUrl: this.config.GRAPH_API_URL,
      method: 'GET',
      path: `/${pageId}`,
      accessToken: requiredCredential(PLATFORM, account.credentials, 'pageAccessToken'),
      params: { fields: 'id,name,username' },
      signal,
    });
    return { externalId: page.id, displayName: page.name, handle: page.username ?? null };
  }
}

async function uploadUnpublished(
  media: MediaItem[],
  upload: (item: MediaItem) => Promise<{ id: string }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const item of media) ids.push((await upload(item)).id);
  return ids;
}
