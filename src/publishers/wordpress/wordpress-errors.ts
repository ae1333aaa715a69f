import type { AxiosResponse } from 'axios';
import { parseRetryAfter } from '../http/platform-http';
import { PublishError } from '../publish-error';
import { firstText, unexpectedReason } from '../platform-reason';

/** WP_Error as JSON: {code: "rest_cannot_create", message: "...", data: {status: 401}}. */
interface WpErrorBody {
  code?: string;
  message?: string;
}

/**
 * 401/403 (incorrect_password, invalid_username, rest_cannot_create, rest_cannot_publish) and a
 * missing REST API (rest_no_route: wrong site URL or REST disabled) are account problems: AUTH.
 * `phase` decides 5xx: only creating the post may have published.
 */
export function wordpressError(response: AxiosResponse, phase: 'post' | 'other'): PublishError {
  const { status } = response;
  const body = (typeof response.data === 'object' && response.data !== null ? response.data : {}) as WpErrorBody;
  const code = firstText(body.code) ?? String(status);
  const message = firstText(body.message);
  const reason = message ? `${message} (${code})` : unexpectedReason('WordPress', status, response.data);
  const options = { httpStatus: status };
  if (status === 429) {
    return PublishError.notSent('wordpress.429', reason, {
      ...options,
      rateLimited: true,
      retryAfterMs: parseRetryAfter(response.headers['retry-after']),
    });
  }
  if (status === 401 || status === 403 || code === 'rest_no_route')
    return PublishError.auth(`wordpress.${code}`, reason, options);
  if (status >= 500) {
    return phase === 'post'
      ? PublishError.ambiguous(`wordpress.${status}`, reason, options)
      : PublishError.notSent(`wordpress.${status}`, reason, options);
  }
  return PublishError.permanent(`wordpress.${code}`, reason, options);
}
