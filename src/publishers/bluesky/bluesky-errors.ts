import type { AxiosResponse } from 'axios';
import { parseRetryAfter } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/** XRPC error body: {error: "ExpiredToken", message: "Token has expired"}. */
export interface XrpcErrorBody {
  error?: string;
  message?: string;
}

export function xrpcError(response: AxiosResponse): XrpcErrorBody {
  return typeof response.data === 'object' && response.data !== null ? (response.data as XrpcErrorBody) : {};
}

export function isExpiredToken(response: AxiosResponse): boolean {
  return (response.status === 400 || response.status === 401) && xrpcError(response).error === 'ExpiredToken';
}

/** Errors that mean the account itself cannot be used until an admin acts. */
const ACCOUNT_ERRORS = new Set([
  'AuthenticationRequired',
  'InvalidToken',
  'ExpiredToken',
  'AccountTakedown',
  'AccountDeactivated',
  'AuthFactorTokenRequired',
]);

/**
 * Maps an XRPC answer. `phase` decides 5xx: only a failed createRecord may have published
 * (AMBIGUOUS); a failed session, upload or look-up published nothing (NOT_SENT_RETRYABLE).
 */
export function blueskyError(response: AxiosResponse, phase: 'record' | 'other'): PublishError {
  const { status } = response;
  const body = xrpcError(response);
  const name = firstText(body.error) ?? String(status);
  const known = [firstText(body.error), firstText(body.message)].filter(Boolean).join(': ');
  const reason = known || unexpectedReason('Bluesky', status, response.data);
  const options = { httpStatus: status };
  if (status === 429) {
    return PublishError.notSent('bluesky.429', reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: rateLimitWait(response),
    });
  }
  if (status === 401 || status === 403 || ACCOUNT_ERRORS.has(name))
    return PublishError.auth(`bluesky.${name}`, reason, options);
  if (status >= 500) {
    return phase === 'record'
      ? PublishError.ambiguous(`bluesky.${status}`, reason, options)
      : PublishError.notSent(`bluesky.${status}`, reason, options);
  }
  return PublishError.permanent(`bluesky.${name}`, reason, options);
}

/** The PDS sends RateLimit-Reset as Unix seconds (with RateLimit-Limit/-Remaining/-Policy). */
function rateLimitWait(response: AxiosResponse): number | undefined {
  const reset = Number(response.headers['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - Date.now());
  return parseRetryAfter(response.headers['retry-after']);
}
