import { setTimeout as sleep } from 'node:timers/promises';
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
import { commonIssues, issue, type TextLimitWording } from '../publisher-helpers';
import { unexpectedReason } from '../platform-reason';
import { mastodonError } from './mastodon-errors';
import { findOwnStatus, inconclusive, type ListedStatus, LOOKUP_PAGE_SIZE } from './mastodon-lookup';
import { trimSlash } from './mastodon-oauth';
import { MASTODON_CONNECT } from './mastodon.connect';
import { MastodonMetrics } from './mastodon.metrics';

const PLATFORM = 'mastodon';
const DEFAULT_MAX_CHARS = 500;
const DEFAULT_MAX_MEDIA = 4;
const MEDIA_POLL_INTERVAL_MS = 250;
const TEXT_WORDING: TextLimitWording = {
  where: { id: 'untuk instance Mastodon ini', en: 'for this Mastodon instance' },
  note: { id: 'tautan dihitung 23', en: 'links count as 23' },
};

interface MastodonMedia {
  id: string;
  url: string | null;
}

interface InstanceInfo {
  domain?: string;
  uri?: string;
  max_toot_chars?: number;
  configuration?: { statuses?: { max_characters?: number; max_media_attachments?: number } };
}

/**
 * Mastodon (any instance). Statuses carry an Idempotency-Key, which Mastodon remembers for an hour
 * per account. Other servers of the Mastodon API may ignore it, so the key alone is not trusted:
 * ambiguousRetry is 'lookup', and after an ambiguous outcome findPublished looks for the status among
 * the account's own (mastodon-lookup.ts) before anything is posted again.
 */
@Injectable()
export class MastodonPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = MASTODON_CONNECT;
  /** Reads a published post's counts back (docs/analytics.md); platforms without one say "not available". */
  static readonly metrics = MastodonMetrics;
  readonly platform: Platform = 'MASTODON';
  readonly limits: PlatformLimits = {
    maxChars: DEFAULT_MAX_CHARS,
    counting: 'mastodon',
    maxMedia: DEFAULT_MAX_MEDIA,
    media: {
      imageFormats: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
      maxImageBytes: 16 * 1024 * 1024,
      maxImageEdge: 4096,
      maxImagePixels: 3840 * 2160,
      aspectRatio: null,
      videoFormats: ['video/mp4', 'video/quicktime'],
      maxVideoBytes: 99 * 1024 * 1024,
    },
    requiresMedia: false,
    requiresText: false,
    requiresTitle: false,
    rateBudget: { posts: 300, windowMs: 3 * 60 * 60 * 1000 },
  };
  readonly ambiguousRetry = 'lookup' as const;

  constructor(
    private readonly http: PlatformHttp,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  validate(content: PublishContent, account: Pick<AccountContext, 'settings'>): ValidationIssue[] {
    // Each instance sets its own limits; verifyCredentials stored them in the account's settings.
    const limits = {
      ...this.limits,
      maxChars: positiveNumber(account.settings.maxChars) ?? DEFAULT_MAX_CHARS,
      maxMedia: positiveNumber(account.settings.maxMedia) ?? DEFAULT_MAX_MEDIA,
    };
    const issues = commonIssues(PLATFORM, content, limits, TEXT_WORDING);
    const videos = content.media.filter((item) => item.kind === 'VIDEO').length;
    if (videos > 0 && content.media.length > 1) {
      issues.push(
        issue(
          `${PLATFORM}.video_with_other_media`,
          'Video di Mastodon harus menjadi satu-satunya lampiran.',
          'A video on Mastodon must be the only attachment.',
        ),
      );
    }
    return issues;
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const { account, content, signal } = request;
    const mediaIds: string[] = [];
    for (const item of content.media) mediaIds.push(await this.uploadMedia(account, item, signal));
    const response = await this.call<{ id: string; url: string | null; uri: string }>(account, 'status', {
      method: 'POST',
      url: '/api/v1/statuses',
      headers: { 'Idempotency-Key': request.idempotencyKey },
      data: { status: content.text, media_ids: mediaIds, visibility: 'public' },
      signal,
    });
    if (response.status !== 200) throw mastodonError(response, 'status');
    return { externalId: response.data.id, url: response.data.url ?? response.data.uri ?? null };
  }

  async findPublished(request: PublishRequest): Promise<PublishResult | null> {
    const accountId = request.account.externalId;
    if (!accountId) throw inconclusive('the account has no Mastodon id; reconnect it');
    return findOwnStatus(request, async (maxId) => {
      const config: AxiosRequestConfig = {
        method: 'GET',
        url: `/api/v1/accounts/${encodeURIComponent(accountId)}/statuses`,
        params: { limit: LOOKUP_PAGE_SIZE, exclude_reblogs: true, ...(maxId ? { max_id: maxId } : {}) },
        signal: request.signal,
      };
      let listed = await this.call<ListedStatus[]>(request.account, 'account', config);
      // Tokens made before Gaung asked for read:statuses get 403; public statuses are readable without one.
      if (listed.status === 403)
        listed = await this.call<ListedStatus[]>(request.account, 'account', config, 'anonymous');
      if (listed.status === 401 || listed.status === 403)
        throw inconclusive(unexpectedReason('Mastodon', listed.status, listed.data));
      if (listed.status !== 200 || !Array.isArray(listed.data)) throw mastodonError(listed, 'account');
      return listed.data;
    });
  }

  async verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity> {
    const me = await this.call<{ id: string; username: string; acct: string; display_name: string }>(
      account,
      'account',
      {
        method: 'GET',
        url: '/api/v1/accounts/verify_credentials',
        signal,
      },
    );
    if (me.status !== 200) throw mastodonError(me, 'account');
    const instance = await this.instanceInfo(account, signal);
    const domain = instance.domain ?? instance.uri ?? new URL(requireInstance(account)).host;
    const statuses = instance.configuration?.statuses;
    return {
      externalId: me.data.id,
      displayName: me.data.display_name || me.data.username,
      handle: `@${me.data.username}@${domain}`,
      settings: {
        maxChars: statuses?.max_characters ?? instance.max_toot_chars ?? DEFAULT_MAX_CHARS,
        maxMedia: statuses?.max_media_attachments ?? DEFAULT_MAX_MEDIA,
      },
    };
  }

  /** Instance facts from /api/v2/instance, or /api/v1/instance on servers older than Mastodon 4. */
  private async instanceInfo(account: AccountContext, signal: AbortSignal): Promise<InstanceInfo> {
    for (const url of ['/api/v2/instance', '/api/v1/instance']) {
      const response = await this.call<InstanceInfo>(account, 'account', { method: 'GET', url, signal });
      if (response.status === 200) return response.data;
      if (response.status !== 404) throw mastodonError(response, 'account');
    }
    return {};
  }

  /** POST /api/v2/media; a 202 means still processing: poll until it has a URL, bounded by half the publish timeout. */
  private async uploadMedia(account: AccountContext, item: MediaItem, signal: AbortSignal): Promise<string> {
    const form = new FormData();
    const extension = item.mimeType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') || 'bin';
    form.set('file', new Blob([new Uint8Array(await item.read())], { type: item.mimeType }), `${item.id}.${extension}`);
    if (item.altText) form.set('description', item.altText);
    const uploaded = await this.call<MastodonMedia>(account, 'media', {
      method: 'POST',
      url: '/api/v2/media',
      data: form,
      signal,
    });
    if (uploaded.status === 200 && uploaded.data.url) return uploaded.data.id;
    if (uploaded.status !== 200 && uploaded.status !== 202) throw mastodonError(uploaded, 'media');
    const deadline = Date.now() + this.config.PUBLISH_TIMEOUT_MS / 2;
    while (Date.now() < deadline) {
      await sleep(MEDIA_POLL_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
      if (signal.aborted) break;
      const polled = await this.call<MastodonMedia>(account, 'media', {
        method: 'GET',
        url: `/api/v1/media/${encodeURIComponent(uploaded.data.id)}`,
        signal,
      });
      if (polled.status === 200 && polled.data.url) return polled.data.id;
      if (polled.status !== 200 && polled.status !== 206) throw mastodonError(polled, 'media');
    }
    throw PublishError.notSent(
      'mastodon.media_processing',
      'Mastodon is still processing the media; the status was not posted',
    );
  }

  private async call<T>(
    account: AccountContext,
    phase: 'media' | 'status' | 'account',
    config: AxiosRequestConfig,
    as: 'account' | 'anonymous' = 'account',
  ): Promise<AxiosResponse<T>> {
    const token = account.credentials.accessToken;
    if (typeof token !== 'string' || token === '')
      throw PublishError.auth('mastodon.no_token', 'The Mastodon access token is missing');
    try {
      return await this.http.request<T>('mastodon', {
        ...config,
        baseURL: trimSlash(requireInstance(account)),
        headers: as === 'account' ? { ...config.headers, Authorization: `Bearer ${token}` } : config.headers,
        timeout: this.config.PUBLISH_TIMEOUT_MS,
      });
    } catch (error) {
      // Only a lost status creation may have published; a lost upload or poll published nothing.
      if (error instanceof PublishError && phase === 'media' && error.kind === 'AMBIGUOUS') {
        throw PublishError.notSent(error.code, error.message, { httpStatus: error.httpStatus, cause: error.cause });
      }
      if (error instanceof PublishError)
        throw new PublishError(error.kind, error.code, error.message, {
          httpStatus: error.httpStatus,
          cause: error.cause,
        });
      throw error;
    }
  }
}

function requireInstance(account: AccountContext): string {
  if (!account.baseUrl)
    throw PublishError.auth('mastodon.no_instance', 'The Mastodon instance URL is not set for this account');
  return account.baseUrl;
}

function positiveNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
