import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { graphRequest } from './graph-api';

/** How often and how long to ask whether a media container is ready (Instagram, Threads). */
export interface ContainerPolling {
  intervalMs: number;
  maxAttempts: number;
}

/** Optional provider to tune polling (tests make it fast); the default fits image posts. */
export const META_CONTAINER_POLLING = Symbol('META_CONTAINER_POLLING');
export const DEFAULT_CONTAINER_POLLING: ContainerPolling = { intervalMs: 2_000, maxAttempts: 60 };

interface ContainerTarget {
  baseUrl: string;
  accessToken: string;
  containerId: string;
  /** Instagram names the field status_code (with status as the reason); Threads names it status. */
  statusField: 'status_code' | 'status';
  reasonField: 'status' | 'error_message';
  polling: ContainerPolling;
  signal: AbortSignal;
}

/**
 * Waits until a container is FINISHED. Nothing is published yet at this point, so every failure
 * here is safe to retry except a container Meta refused (ERROR: the media itself is unusable).
 */
export async function waitForContainer(http: PlatformHttp, platform: string, target: ContainerTarget): Promise<void> {
  for (let attempt = 1; attempt <= target.polling.maxAttempts; attempt++) {
    const container = await graphRequest<Record<string, unknown>>(http, platform, {
      baseUrl: target.baseUrl,
      method: 'GET',
      path: `/${target.containerId}`,
      accessToken: target.accessToken,
      params: { fields: `${target.statusField},${target.reasonField}` },
      signal: target.signal,
    });
    const status = String(container[target.statusField] ?? '');
    const reason = typeof container[target.reasonField] === 'string' ? String(container[target.reasonField]) : status;
    if (status === 'FINISHED' || status === 'PUBLISHED') return;
    if (status === 'ERROR')
      throw PublishError.permanent(
        `${platform}.container_error`,
        `The platform could not process the media: ${reason}`,
      );
    if (status === 'EXPIRED')
      throw PublishError.notSent(
        `${platform}.container_expired`,
        'The media container expired before it was published',
      );
    if (attempt < target.polling.maxAttempts) await sleep(target.polling.intervalMs, target.signal, platform);
  }
  throw PublishError.notSent(
    `${platform}.container_timeout`,
    'The media was still being processed when Gaung stopped waiting',
  );
}

interface QuotaTarget {
  baseUrl: string;
  accessToken: string;
  /** "/{ig-user-id}/content_publishing_limit" or "/{threads-user-id}/threads_publishing_limit". */
  path: string;
  fallbackTotal: number;
  signal: AbortSignal;
}

interface PublishingLimitAnswer {
  data?: Array<{ quota_usage?: number; config?: { quota_total?: number; quota_duration?: number } }>;
}

/** The rolling window frees one post at a time; an hour is a fair first wait before asking again. */
const QUOTA_RECHECK_MS = 60 * 60 * 1000;

/** Refuses to publish (NOT_SENT_RETRYABLE, rate limited) when the 24-hour publishing quota is used up. */
export async function ensurePublishingQuota(http: PlatformHttp, platform: string, target: QuotaTarget): Promise<void> {
  const answer = await graphRequest<PublishingLimitAnswer>(http, platform, {
    baseUrl: target.baseUrl,
    method: 'GET',
    path: target.path,
    accessToken: target.accessToken,
    params: { fields: 'quota_usage,config' },
    signal: target.signal,
  });
  const usage = answer.data?.[0];
  const total = usage?.config?.quota_total ?? target.fallbackTotal;
  if (usage?.quota_usage !== undefined && usage.quota_usage >= total) {
    throw PublishError.notSent(
      `${platform}.quota_exhausted`,
      `The account has published ${usage.quota_usage} of ${total} posts allowed in 24 hours`,
      {
        rateLimited: true,
        retryAfterMs: QUOTA_RECHECK_MS,
      },
    );
  }
}

/** Reads a published media's permalink; null when it cannot (the post exists either way). */
export async function permalinkOf(
  http: PlatformHttp,
  platform: string,
  baseUrl: string,
  accessToken: string,
  mediaId: string,
  signal: AbortSignal,
): Promise<string | null> {
  try {
    const media = await graphRequest<{ permalink?: string }>(http, platform, {
      baseUrl,
      method: 'GET',
      path: `/${mediaId}`,
      accessToken,
      params: { fields: 'permalink' },
      signal,
    });
    return typeof media.permalink === 'string' ? media.permalink : null;
  } catch {
    return null;
  }
}

function sleep(ms: number, signal: AbortSignal, platform: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () =>
      PublishError.notSent(`${platform}.aborted`, 'Publishing timed out while the media was still being processed');
    if (signal.aborted) return reject(aborted());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
