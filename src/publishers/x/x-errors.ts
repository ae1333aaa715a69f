import type { AxiosResponse } from 'axios';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

const DUPLICATE = /duplicate content/i;

interface XErrorBody {
  title?: string;
  detail?: string;
  type?: string;
  errors?: Array<{ message?: string }>;
}

/**
 * Maps an X API v2 error answer. `write` says whether the request could have created a post:
 * a 5xx on a write is AMBIGUOUS, on a read or an upload it is not.
 */
export function xError(response: AxiosResponse, write: boolean, now = Date.now()): PublishError {
  const status = response.status;
  const body = (response.data && typeof response.data === 'object' ? response.data : {}) as XErrorBody;
  const reason =
    firstText(body.detail, body.errors?.[0]?.message, body.title) ?? unexpectedReason('X', status, response.data);
  const options = { httpStatus: status };
  if (status === 429)
    return PublishError.notSent('x.429', reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: xRetryAfterMs(response.headers, now),
    });
  if (status === 401) return PublishError.auth('x.401', reason, options);
  if (status === 403 && DUPLICATE.test(reason)) return PublishError.permanent('x.duplicate', reason, options);
  if (status >= 500)
    return write
      ? PublishError.ambiguous(`x.${status}`, reason, options)
      : PublishError.notSent(`x.${status}`, reason, options);
  return PublishError.permanent(`x.${status}`, reason, options);
}

/**
 * The wait X announces: the reset (epoch seconds) of every exhausted window (the 15-minute endpoint
 * window and the 24-hour user and app caps); the latest one decides.
 */
function xRetryAfterMs(headers: AxiosResponse['headers'], now = Date.now()): number | undefined {
  const resets: number[] = [];
  for (const prefix of ['x-rate-limit', 'x-user-limit-24hour', 'x-app-limit-24hour']) {
    const reset = Number(headers[`${prefix}-reset`]);
    const remaining = headers[`${prefix}-remaining`];
    if (Number.isFinite(reset) && reset > 0 && (remaining === undefined || Number(remaining) === 0))
      resets.push(reset * 1000 - now);
  }
  if (resets.length) return Math.max(0, ...resets);
  // A 429 whose windows all claim to have room left: the endpoint window's reset is the best guess.
  const reset = Number(headers['x-rate-limit-reset']);
  return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) : undefined;
}
