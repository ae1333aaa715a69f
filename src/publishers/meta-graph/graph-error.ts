import type { AxiosResponse } from 'axios';
import { parseRetryAfter } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/** The error body every Meta Graph API (Facebook, Instagram, Threads) answers with. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_user_msg?: string;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/** Token invalid or expired (190), session invalid (102). */
const AUTH_CODES = new Set([102, 190]);
/**
 * Throttling: API too many calls (4), user (17), page (32), custom (613), IG publish limit (9),
 * and the Business Use Case limits 80001-80014 (pages, IG, messenger, ...).
 */
const RATE_LIMIT_CODES = new Set([4, 9, 17, 32, 613]);
/** Unknown error (1) and temporary service issue (2): the call may or may not have taken effect. */
const UNKNOWN_OUTCOME_CODES = new Set([1, 2]);
/** Duplicate post (506) and policy blocks (368) are refusals of the content. */
const DUPLICATE_CODE = 506;
/** Instagram/Threads "media not ready" on publish: nothing was published, asking again is safe. */
const MEDIA_NOT_READY_CODE = 9007;

function isRateLimit(code: number): boolean {
  return RATE_LIMIT_CODES.has(code) || (code >= 80001 && code <= 80014);
}

/** Permission denied (10, 200-299): the token lacks a permission, an admin must reconnect. */
export function isPermission(code: number): boolean {
  return code === 10 || (code >= 200 && code <= 299);
}

/**
 * Maps a Graph API error response to the failure taxonomy. `write` says whether the request could
 * have created something (a POST that publishes): unknown outcomes are AMBIGUOUS only for writes.
 */
export function graphError(platform: string, response: AxiosResponse, write: boolean, now = Date.now()): PublishError {
  const body = graphErrorBody(response.data);
  const code = body.code ?? 0;
  const status = response.status;
  const reason = describe(body, status, response.data);
  const options = { httpStatus: status };
  const codeSuffix =
    body.code !== undefined ? `${body.code}${body.error_subcode ? `.${body.error_subcode}` : ''}` : String(status);
  const ledgerCode = `${platform}.${codeSuffix}`;

  if (isRateLimit(code) || status === 429) {
    return PublishError.notSent(ledgerCode, reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: graphRetryAfterMs(response.headers, now),
    });
  }
  if (AUTH_CODES.has(code) || isPermission(code) || (status === 401 && body.code === undefined)) {
    return PublishError.auth(ledgerCode, reason, options);
  }
  if (UNKNOWN_OUTCOME_CODES.has(code) || body.is_transient || status >= 500) {
    return write
      ? PublishError.ambiguous(ledgerCode, reason, options)
      : PublishError.notSent(ledgerCode, reason, options);
  }
  if (code === MEDIA_NOT_READY_CODE) return PublishError.notSent(ledgerCode, reason, options);
  if (code === DUPLICATE_CODE) return PublishError.permanent(`${platform}.duplicate`, reason, options);
  return PublishError.permanent(ledgerCode, reason, options);
}

export function graphErrorBody(data: unknown): GraphErrorBody {
  if (data && typeof data === 'object' && 'error' in data) {
    const error = (data as { error: unknown }).error;
    if (error && typeof error === 'object') return error as GraphErrorBody;
  }
  return {};
}

function describe(body: GraphErrorBody, status: number, data: unknown): string {
  const text = firstText(body.error_user_msg, body.message) ?? unexpectedReason('Meta', status, data);
  return body.fbtrace_id ? `${text} (fbtrace_id ${body.fbtrace_id})` : text;
}

/**
 * How long Meta asks us to wait: the largest estimated_time_to_regain_access (minutes) found in the
 * X-Business-Use-Case-Usage or X-App-Usage headers, else Retry-After; undefined when none is given.
 */
function graphRetryAfterMs(headers: AxiosResponse['headers'], now = Date.now()): number | undefined {
  let minutes: number | undefined;
  for (const name of ['x-business-use-case-usage', 'x-app-usage', 'x-page-usage', 'x-ad-account-usage']) {
    const raw = headers[name];
    if (typeof raw !== 'string') continue;
    try {
      for (const value of estimatedMinutes(JSON.parse(raw))) minutes = Math.max(minutes ?? 0, value);
    } catch {
      // A malformed usage header is ignored; the engine's backoff applies.
    }
  }
  if (minutes !== undefined && minutes > 0) return minutes * 60_000;
  return parseRetryAfter(headers['retry-after'], now);
}

function estimatedMinutes(value: unknown): number[] {
  if (Array.isArray(value)) return value.flatMap(estimatedMinutes);
  if (!value || typeof value !== 'object') return [];
  const found: number[] = [];
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'estimated_time_to_regain_access' && typeof inner === 'number') found.push(inner);
    else if (inner && typeof inner === 'object') found.push(...estimatedMinutes(inner));
  }
  return found;
}
