import type { AxiosResponse } from 'axios';
import { parseRetryAfter } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

interface LinkedInErrorBody {
  message?: string;
  status?: number;
  serviceErrorCode?: number;
  code?: string;
}

const DUPLICATE = /duplicate/i;

/**
 * Maps a LinkedIn REST error ({ message, status, serviceErrorCode, code }). `write` says whether the
 * call could have created a post: a 5xx on a write is AMBIGUOUS.
 */
export function linkedinError(response: AxiosResponse, write: boolean, now = Date.now()): PublishError {
  const status = response.status;
  const body = (response.data && typeof response.data === 'object' ? response.data : {}) as LinkedInErrorBody;
  const reason = firstText(body.message, body.code) ?? unexpectedReason('LinkedIn', status, response.data);
  const options = { httpStatus: status };
  if (status === 429) {
    return PublishError.notSent('linkedin.429', reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: parseRetryAfter(response.headers['retry-after'], now) ?? untilUtcMidnight(now),
    });
  }
  // 401: token expired or revoked; 403: the member lacks the permission or the organisation role.
  if (status === 401 || status === 403) return PublishError.auth(`linkedin.${status}`, reason, options);
  if (status >= 500)
    return write
      ? PublishError.ambiguous(`linkedin.${status}`, reason, options)
      : PublishError.notSent(`linkedin.${status}`, reason, options);
  if (DUPLICATE.test(reason)) return PublishError.permanent('linkedin.duplicate', reason, options);
  return PublishError.permanent(`linkedin.${status}`, reason, options);
}

/** LinkedIn's daily application and member limits reset at midnight UTC. */
function untilUtcMidnight(now: number): number {
  const midnight = new Date(now);
  midnight.setUTCHours(24, 0, 0, 0);
  return midnight.getTime() - now;
}
