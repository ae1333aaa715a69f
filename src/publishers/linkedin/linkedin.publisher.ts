import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { beforePublication, PlatformHttp } from '../http/platform-http';
import type { ContainerPolling } from '../meta-graph/containers';
import { PublishError } from '../publish-error';
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
import { commonIssues, issue, requiredExternalId } from '../publisher-helpers';
import type { TokenSession } from '../token-session';
import { linkedinError } from './linkedin-errors';
import { canRefresh, linkedinSession, refreshLinkedInCredentials } from './linkedin-session';

export { LINKEDIN_VERSION } from './linkedin-session';
import { DEFAULT_VIDEO_POLLING, LINKEDIN_VIDEO_POLLING, uploadVideo } from './linkedin-video';
import { toLittleText } from './little-text';
import { LINKEDIN_CONNECT } from './linkedin.connect';
import { LinkedInMetrics } from './linkedin.metrics';

const PLATFORM = 'linkedin';
const AUTHOR_URN = /^urn:li:(person|organization):[A-Za-z0-9_-]+$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * LinkedIn members and organisations through the Posts API. Credentials: { accessToken,
 * refreshToken?, clientId?, clientSecret? }; externalId: the author URN (urn:li:person:… or
 * urn:li:organization:…).
 *
 * ambiguousRetry is 'none': the Posts API has no idempotency key, and reading an organisation's or
 * member's posts back needs extra permissions most apps do not have; an unknown outcome is left
 * UNCONFIRMED for a human.
 */
@Injectable()
export class LinkedInPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = LINKEDIN_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = LinkedInMetrics;
  readonly platform = 'LINKEDIN' as const;
  readonly ambiguousRetry: AmbiguousRetry = 'none';
  readonly limits: PlatformLimits = {
    maxChars: 3_000,
    counting: 'graphemes',
    maxMedia: 20,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/gif'],
      maxImageBytes: 10 * 1024 * 1024,
      maxImageEdge: 7680,
      maxImagePixels: 36_152_320,
      aspectRatio: null,
      videoFormats: ['video/mp4'],
      maxVideoBytes: 500 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    // LinkedIn documents 150 member posts a day; organisations are well inside it in practice.
    rateBudget: { posts: 150, windowMs: DAY_MS },
  };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() @Inject(LINKEDIN_VIDEO_POLLING) private readonly videoPolling: ContainerPolling = DEFAULT_VIDEO_POLLING,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    // LinkedIn's rule: a post carries one video, or images, never both.
    const videos = content.media.filter((m) => m.kind === 'VIDEO').length;
    if (videos > 0 && content.media.length > 1) {
      issues.push(
        issue(
          `${PLATFORM}.video_alone`,
          'Postingan LinkedIn hanya boleh berisi satu video, tanpa gambar atau video lain.',
          'A LinkedIn post may carry only one video, without images or other videos.',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const author = authorUrn(request.account.externalId);
    const session = this.session(request.account, request.signal);
    const media = await beforePublication(() => this.uploadMedia(session, author, request));
    const body: Record<string, unknown> = {
      author,
      commentary: toLittleText(request.content.text),
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    };
    if (media.length === 1) body.content = { media: media[0] };
    if (media.length > 1) body.content = { multiImage: { images: media } };
    const response = await session.send({
      method: 'POST',
      url: '/rest/posts',
      data: body,
      headers: { 'content-type': 'application/json' },
    });
    if (response.status !== 201) throw linkedinError(response, true);
    const urn = response.headers['x-restli-id'];
    if (typeof urn !== 'string' || !urn)
      throw PublishError.ambiguous('linkedin.no_id', 'LinkedIn accepted the post but did not return its id');
    return { externalId: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
  }

  /** A member is read through OpenID userinfo, an organisation through /rest/organizations/{id}. */
  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const author = authorUrn(account.externalId);
    const session = this.session(account, signal);
    const [, , kind, id] = author.split(':');
    if (kind === 'organization') {
      const response = await session.send<{ id: number; localizedName: string; vanityName?: string }>({
        method: 'GET',
        url: `/rest/organizations/${id}`,
      });
      if (response.status !== 200) throw linkedinError(response, false);
      return { externalId: author, displayName: response.data.localizedName, handle: response.data.vanityName ?? null };
    }
    const response = await session.send<{ sub: string; name: string }>({ method: 'GET', url: '/v2/userinfo' });
    if (response.status !== 200) throw linkedinError(response, false);
    return { externalId: `urn:li:person:${response.data.sub}`, displayName: response.data.name, handle: null };
  }

  async refreshCredentials(account: AccountContext, signal: AbortSignal): Promise<RefreshedCredentials | null> {
    if (!canRefresh(account.credentials)) return null;
    return refreshLinkedInCredentials(this.http, this.config.LINKEDIN_API_URL, account.credentials, signal);
  }

  private session(account: AccountContext, signal: AbortSignal): TokenSession {
    return linkedinSession(this.http, this.config.LINKEDIN_API_URL, account, signal);
  }

  /** One video (validate() keeps it alone) or the images, uploaded before the post exists. */
  private async uploadMedia(
    session: TokenSession,
    owner: string,
    request: PublishRequest,
  ): Promise<Array<{ id: string; altText?: string; title?: string }>> {
    const video = request.content.media.find((m) => m.kind === 'VIDEO');
    if (!video) return this.uploadImages(session, owner, request.content.media);
    const id = await uploadVideo(session, owner, video, this.videoPolling, request.signal);
    return [{ id, ...(request.content.title ? { title: request.content.title } : {}) }];
  }

  /** initializeUpload, then PUT the bytes to the upload URL LinkedIn hands out. */
  private async uploadImages(
    session: TokenSession,
    owner: string,
    media: MediaItem[],
  ): Promise<Array<{ id: string; altText?: string }>> {
    const images: Array<{ id: string; altText?: string }> = [];
    for (const item of media) {
      const init = await session.send<{ value?: { uploadUrl: string; image: string } }>({
        method: 'POST',
        url: '/rest/images',
        params: { action: 'initializeUpload' },
        data: { initializeUploadRequest: { owner } },
        headers: { 'content-type': 'application/json' },
      });
      if (init.status !== 200 || !init.data.value) throw linkedinError(init, false);
      const upload = await session.send({
        method: 'PUT',
        url: init.data.value.uploadUrl,
        data: await item.read(),
        headers: { 'content-type': 'application/octet-stream' },
      });
      if (upload.status !== 201 && upload.status !== 200) throw linkedinError(upload, false);
      images.push({ id: init.data.value.image, ...(item.altText ? { altText: item.altText } : {}) });
    }
    return images;
  }
}

function authorUrn(externalId: string | null): string {
  const urn = requiredExternalId(PLATFORM, externalId);
  if (!AUTHOR_URN.test(urn))
    throw PublishError.permanent(
      'linkedin.bad_author',
      'The account id must be a urn:li:person or urn:li:organization URN; reconnect it.',
    );
  return urn;
}
