import type { AxiosResponse } from 'axios';
import { parseRetryAfter } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/**
 * Maps a Mastodon answer to the taxonomy. `phase` matters for 5xx: a failed media upload or poll
 * publishes nothing (NOT_SENT_RETRYABLE), a failed status creation may have published (AMBIGUOUS).
 */
export function mastodonError(response: AxiosResponse, phase: 'media' | 'status' | 'account'): PublishError {
  const { status } = response;
  const body = (typeof response.data === 'object' && response.data !== null ? response.data : {}) as {
    error?: unknown;
    error_description?: unknown;
  };
  const reason =
    [firstText(body.error), firstText(body.error_description)].filter(Boolean).join(': ') ||
    unexpectedReason('Mastodon', status, response.data);
  const options = { httpStatus: status };
  if (status === 429) {
    return PublishError.notSent('mastodon.429', reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: rateLimitWait(response),
    });
  }
  // 401: token invalid or revoked; 403: scope missing or login disabled. Both need an admin.
  if (status === 401 || status === 403) return PublishError.auth(`mastodon.${status}`, reason, options);
  if (status >= 500) {
    return phase === 'status'
      ? PublishError.ambiguous(`mastodon.${status}`, reason, options)
      : PublishError.notSent(`mastodon.${status}`, reason, options);
  }
  return PublishError.permanent(`mastodon.${status}`, reason, options);
}

/** Mastodon sends X-RateLimit-Reset as an ISO 8601 instant; Retry-After when a proxy adds one. */
function rateLimitWait(response: AxiosResponse): number | undefined {
  const reset = response.headers['x-ratelimit-reset'];
  if (typeof reset === 'string') {
    const at = Date.parse(reset);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  return parseRetryAfter(response.headers['retry-after']);
}
