import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import type { Platform } from '../../core/database';
import { beforePublication, PlatformHttp } from '../http/platform-http';
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
import { commonIssues, issue, type TextLimitWording } from '../publisher-helpers';
import { blueskyError, xrpcError } from './bluesky-errors';
import { buildFacets, findEntities } from './bluesky-facets';
import { rkeyFromIdempotencyKey } from './bluesky-rkey';
import { BlueskySessions } from './bluesky-session';
import { BLUESKY_CONNECT } from './bluesky.connect';
import { BlueskyMetrics } from './bluesky.metrics';

const PLATFORM = 'bluesky';
const POST_COLLECTION = 'app.bsky.feed.post';
const TEXT_WORDING: TextLimitWording = { where: { id: 'untuk Bluesky', en: 'for Bluesky' } };
/**
 * Media (limits.media): app.bsky.embed.images takes images up to 1,000,000 bytes (bigger ones are
 * fitted); one video per post, uploaded to the PDS with plain uploadBlob and embedded with
 * app.bsky.embed.video (the lexicon accepts video/mp4 only), at most 50 MB.
 */

interface BlobRef {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

/**
 * Bluesky / AT Protocol. The record key is derived from the delivery's idempotency key, so a retry
 * after an ambiguous outcome collides with the first post; the collision is resolved by reading
 * the record back (getRecord) and reporting it as published.
 */
@Injectable()
export class BlueskyPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = BLUESKY_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = BlueskyMetrics;
  readonly platform: Platform = 'BLUESKY';
  readonly limits: PlatformLimits = {
    maxChars: 300,
    counting: 'graphemes',
    maxMedia: 4,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/webp'],
      maxImageBytes: 1_000_000,
      maxImageEdge: 2000,
      maxImagePixels: 2000 * 2000,
      aspectRatio: null,
      videoFormats: ['video/mp4'],
      maxVideoBytes: 50 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    rateBudget: null,
  };
  readonly ambiguousRetry = 'deterministic-id' as const;
  private readonly sessions: BlueskySessions;

  constructor(
    http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sessions = new BlueskySessions(http, config.PUBLISH_TIMEOUT_MS);
  }

  validate(content: PublishContent): ValidationIssue[] {
    const issues = commonIssues(PLATFORM, content, this.limits, TEXT_WORDING);
    const videos = content.media.filter((item) => item.kind === 'VIDEO');
    if (videos.length > 1) {
      issues.push(
        issue(
          `${PLATFORM}.too_many_videos`,
          'Bluesky menerima paling banyak 1 video per postingan.',
          'Bluesky accepts at most 1 video per post.',
        ),
      );
    }
    if (videos.length > 0 && videos.length < content.media.length) {
      issues.push(
        issue(
          `${PLATFORM}.video_with_images`,
          'Video Bluesky tidak bisa digabung dengan gambar.',
          'A Bluesky video cannot be combined with images.',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const { account, content, signal } = request;
    const service = this.service(account);
    const rkey = rkeyFromIdempotencyKey(request.idempotencyKey);
    // Blobs are not visible until a record points at them: a lost upload answer published nothing.
    const media = await beforePublication(() => this.uploadMedia(account, service, content.media, signal));
    const entities = findEntities(content.text);
    const dids = await this.resolveMentions(
      service,
      entities.filter((e) => e.kind === 'mention').map((e) => e.value),
      signal,
    );
    const facets = buildFacets(content.text, entities, dids);
    const firstLink = entities.find((e) => e.kind === 'link')?.value;
    const embed =
      media.length > 0
        ? mediaEmbed(media)
        : firstLink
          ? { $type: 'app.bsky.embed.external', external: { uri: firstLink, title: firstLink, description: '' } }
          : undefined;
    const record = {
      $type: POST_COLLECTION,
      text: content.text,
      createdAt: new Date().toISOString(),
      ...(facets.length > 0 ? { facets } : {}),
      ...(embed ? { embed } : {}),
    };
    const { response, session } = await this.sessions.call<{ uri: string }>(account, service, signal, ({ did }) => ({
      method: 'POST',
      url: '/xrpc/com.atproto.repo.createRecord',
      data: { repo: did, collection: POST_COLLECTION, rkey, record },
    }));
    if (response.status === 200) return postResult(response.data.uri, session.handle, rkey);
    // A retry of a post that exists collides on the record key: today's PDS answers 500, newer
    // ones a 4xx naming the conflict. Either way, read the record back before calling it a failure
    // (if the read fails too, the original, ambiguous failure stands).
    if (response.status >= 500 || /exist/i.test(`${xrpcError(response).error} ${xrpcError(response).message}`)) {
      const existing = await this.findRecord(account, service, rkey, signal).catch(() => null);
      if (existing) return existing;
    }
    throw blueskyError(response, 'record');
  }

  /** Our post of this delivery, read at its derived record key. */
  async findPublished(request: PublishRequest): Promise<PublishResult | null> {
    return this.findRecord(
      request.account,
      this.service(request.account),
      rkeyFromIdempotencyKey(request.idempotencyKey),
      request.signal,
    );
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const session = await this.sessions.create(account, this.service(account), signal);
    return { externalId: session.did, displayName: session.handle, handle: session.handle, settings: {} };
  }

  private async uploadMedia(
    account: AccountContext,
    service: string,
    items: MediaItem[],
    signal: AbortSignal,
  ): Promise<UploadedMedia[]> {
    const uploaded: UploadedMedia[] = [];
    for (const item of items) {
      const bytes = await item.read();
      const { response } = await this.sessions.call<{ blob: BlobRef }>(account, service, signal, () => ({
        method: 'POST',
        url: '/xrpc/com.atproto.repo.uploadBlob',
        headers: { 'Content-Type': item.mimeType },
        data: bytes,
      }));
      if (response.status !== 200) throw blueskyError(response, 'other');
      uploaded.push({ item, blob: response.data.blob });
    }
    return uploaded;
  }

  /** Our post at the derived record key, or null when it does not exist. */
  private async findRecord(
    account: AccountContext,
    service: string,
    rkey: string,
    signal: AbortSignal,
  ): Promise<PublishResult | null> {
    const { response, session } = await this.sessions.call<{ uri: string }>(account, service, signal, ({ did }) => ({
      method: 'GET',
      url: '/xrpc/com.atproto.repo.getRecord',
      params: { repo: did, collection: POST_COLLECTION, rkey },
    }));
    if (response.status === 200) return postResult(response.data.uri, session.handle, rkey);
    if (response.status === 400 && xrpcError(response).error === 'RecordNotFound') return null;
    throw blueskyError(response, 'other');
  }

  /** Handle -> DID for mentions (com.atproto.identity.resolveHandle); unknown handles stay plain text. */
  private async resolveMentions(service: string, handles: string[], signal: AbortSignal): Promise<Map<string, string>> {
    const dids = new Map<string, string>();
    for (const handle of new Set(handles.map((h) => h.toLowerCase()))) {
      const did = await this.sessions.resolveHandle(service, handle, signal);
      if (did) dids.set(handle, did);
    }
    return dids;
  }

  private service(account: AccountContext): string {
    return (account.baseUrl ?? this.config.BLUESKY_SERVICE_URL).replace(/\/+$/, '');
  }
}

interface UploadedMedia {
  item: MediaItem;
  blob: BlobRef;
}

/** validate() keeps a video alone, so media is either one video or up to 4 images. */
function mediaEmbed(media: UploadedMedia[]): Record<string, unknown> {
  const [first] = media;
  if (first && first.item.kind === 'VIDEO') {
    return {
      $type: 'app.bsky.embed.video',
      video: first.blob,
      ...(first.item.altText ? { alt: first.item.altText } : {}),
    };
  }
  return {
    $type: 'app.bsky.embed.images',
    images: media.map(({ item, blob }) => ({ alt: item.altText ?? '', image: blob })),
  };
}

function postResult(uri: string, handle: string, rkey: string): PublishResult {
  return { externalId: uri, url: `https://bsky.app/profile/${handle}/post/${rkey}` };
}
