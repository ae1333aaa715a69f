import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { beforePublication, PlatformHttp } from '../http/platform-http';
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
import { commonIssues, issue, ownMatch, requiredExternalId } from '../publisher-helpers';
import { xError } from './x-errors';
import { refreshXCredentials, xSession } from './x-session';
import { uploadXVideo } from './x-video';
import type { TokenSession } from '../token-session';
import { X_CONNECT } from './x.connect';
import { XMetrics } from './x.metrics';

const PLATFORM = 'x';
/** How many of the account's latest posts a look-up reads. */
const LOOKUP_WINDOW = 20;

interface TweetEntities {
  urls?: Array<{ url: string; expanded_url?: string; media_key?: string }>;
}

/**
 * X (API v2) with an OAuth 2.0 user token. Credentials: { accessToken, refreshToken, clientId,
 * clientSecret? }; externalId: the user id; handle: the username (for the post URL).
 *
 * ambiguousRetry is 'lookup': after an unknown outcome, findPublished reads the account's latest
 * posts and matches our exact text (t.co links expanded back). X also refuses an identical text
 * as a duplicate, which is a second safety net, but X does not document how long it remembers,
 * so the look-up, not the duplicate rule, is what the engine relies on.
 */
@Injectable()
export class XPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = X_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = XMetrics;
  readonly platform = 'X' as const;
  readonly ambiguousRetry: AmbiguousRetry = 'lookup';
  readonly limits: PlatformLimits = {
    maxChars: 280,
    counting: 'twitter-weighted',
    maxMedia: 4,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      maxImageBytes: 5 * 1024 * 1024,
      maxImageEdge: 8192,
      maxImagePixels: 8192 * 8192,
      aspectRatio: null,
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 512 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    // The daily cap depends on the API tier; the x-rate-limit / x-user-limit-24hour headers rule.
    rateBudget: null,
  };

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits);
    // X's rule: a post carries up to 4 images, or exactly one video on its own.
    if (content.media.some((m) => m.kind === 'VIDEO') && content.media.length > 1) {
      issues.push(
        issue(
          `${PLATFORM}.video_alone`,
          'Postingan X hanya boleh berisi 1 video, tanpa gambar lain.',
          'An X post can carry at most 1 video, and not together with images.',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const session = xSession(this.http, this.config.X_API_URL, request.account, request.signal);
    // Uploaded media is invisible until a post uses it: an unknown upload outcome is safe to retry.
    const mediaIds = await beforePublication(() => this.uploadAll(session, request.content.media, request.signal));
    const body: Record<string, unknown> = { text: request.content.text };
    if (mediaIds.length) body.media = { media_ids: mediaIds };
    const response = await session.send<{ data?: { id: string } }>({
      method: 'POST',
      url: '/2/tweets',
      data: body,
      headers: { 'content-type': 'application/json' },
    });
    if (response.status !== 201 && response.status !== 200) throw xError(response, true);
    const id = response.data.data?.id;
    if (!id) throw PublishError.ambiguous('x.no_id', 'X accepted the post but did not return its id');
    return { externalId: id, url: this.postUrl(request.account, id) };
  }

  async findPublished(request: PublishRequest): Promise<PublishResult | null> {
    const wanted = normalise(request.content.text);
    if (!wanted)
      throw PublishError.ambiguous(
        'x.lookup_impossible',
        "A post without text cannot be recognised among the account's posts",
      );
    const userId = requiredExternalId(PLATFORM, request.account.externalId);
    const session = xSession(this.http, this.config.X_API_URL, request.account, request.signal);
    const response = await session.send<{ data?: Array<{ id: string; text: string; entities?: TweetEntities }> }>({
      method: 'GET',
      url: `/2/users/${encodeURIComponent(userId)}/tweets`,
      params: { max_results: LOOKUP_WINDOW, exclude: 'replies,retweets', 'tweet.fields': 'created_at,entities' },
    });
    if (response.status !== 200) throw xError(response, false);
    const matches = (response.data.data ?? []).filter(
      (tweet) => normalise(expandedText(tweet.text, tweet.entities)) === wanted,
    );
    const match = await ownMatch(request, matches, (why) =>
      PublishError.permanent('x.lookup_inconclusive', `Could not check whether X already posted this: ${why}`),
    );
    return match ? { externalId: match.id, url: this.postUrl(request.account, match.id) } : null;
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const session = xSession(this.http, this.config.X_API_URL, account, signal);
    const response = await session.send<{ data?: { id: string; name: string; username: string } }>({
      method: 'GET',
      url: '/2/users/me',
    });
    if (response.status !== 200 || !response.data.data) throw xError(response, false);
    const me = response.data.data;
    return { externalId: me.id, displayName: me.name, handle: me.username };
  }

  async refreshCredentials(account: AccountContext, signal: AbortSignal): Promise<RefreshedCredentials | null> {
    if (typeof account.credentials.refreshToken !== 'string') return null;
    return refreshXCredentials(this.http, this.config.X_API_URL, account.credentials, signal);
  }

  private async uploadAll(session: TokenSession, media: MediaItem[], signal: AbortSignal): Promise<string[]> {
    const ids: string[] = [];
    for (const item of media) {
      if (item.kind === 'VIDEO') {
        // Bounded like other media processing waits: half the publish timeout, the rest is for the post.
        ids.push(await uploadXVideo(session, item, Date.now() + this.config.PUBLISH_TIMEOUT_MS / 2, signal));
        continue;
      }
      const upload = await session.send<{ data?: { id: string } }>({
        method: 'POST',
        url: '/2/media/upload',
        headers: { 'content-type': 'application/json' },
        data: {
          media: (await item.read()).toString('base64'),
          media_category: 'tweet_image',
          media_type: item.mimeType,
        },
      });
      if (upload.status !== 200 && upload.status !== 201) throw xError(upload, false);
      const id = upload.data.data?.id;
      if (!id) throw PublishError.notSent('x.upload_no_id', 'X accepted the media but did not return its id');
      if (item.altText) await this.describe(session, id, item.altText);
      ids.push(id);
    }
    return ids;
  }

  private async describe(session: TokenSession, mediaId: string, altText: string): Promise<void> {
    const response = await session.send({
      method: 'POST',
      url: '/2/media/metadata',
      headers: { 'content-type': 'application/json' },
      data: { id: mediaId, metadata: { alt_text: { text: altText.slice(0, 1000) } } },
    });
    if (response.status !== 200) throw xError(response, false);
  }

  private postUrl(account: AccountContext, id: string): string {
    const handle = account.handle?.replace(/^@/, '');
    return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/web/status/${id}`;
  }
}

/** X returns t.co links in place of the URLs we sent, and media links appended; undo both. */
function expandedText(text: string, entities: TweetEntities | undefined): string {
  let result = text;
  for (const url of entities?.urls ?? [])
    result = result.replace(url.url, url.media_key ? '' : (url.expanded_url ?? url.url));
  return result;
}

/** X HTML-escapes &, < and > in returned text, and may normalise line endings and spacing. */
function normalise(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\r\n?/g, '\n')
    .trim()
    .normalize('NFC');
}
