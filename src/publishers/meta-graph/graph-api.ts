import type { PlatformHttp } from '../http/platform-http';
import { graphError } from './graph-error';

export interface GraphCall {
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Path below the versioned base URL, e.g. "/123/feed". */
  path: string;
  /** Sent as a Bearer header, never in the URL, so it cannot end up in access logs or errors. */
  accessToken: string;
  /** Query parameters for GET, form fields for POST. */
  params?: Record<string, string | number | boolean | undefined>;
  signal: AbortSignal;
}

/**
 * One Graph API call (Facebook, Instagram, Threads). Returns the JSON body of a 2xx answer, or
 * throws a PublishError. A POST counts as a write: an unknown outcome is AMBIGUOUS.
 */
export async function graphRequest<T>(http: PlatformHttp, platform: string, call: GraphCall): Promise<T> {
  const params = Object.fromEntries(
    Object.entries(call.params ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
  const isPost = call.method === 'POST';
  const response = await http.request<T>(platform, {
    method: call.method,
    url: `${call.baseUrl.replace(/\/$/, '')}${call.path}`,
    headers: { authorization: `Bearer ${call.accessToken}`, ...(isPost ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    params: isPost ? undefined : params,
    data: isPost ? new URLSearchParams(params).toString() : undefined,
    signal: call.signal,
  });
  if (response.status >= 200 && response.status < 300) return response.data;
  throw graphError(platform, response, isPost);
}

