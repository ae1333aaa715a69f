import type { AxiosResponse } from 'axios';
import type { PlatformHttp } from '../http/platform-http';
import { graphError } from './graph-error';

export interface GraphCall {
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Path below the versioned base URL, e.g. "/123/feed". */
  path: string;
  /**
   * Sent as the documented access_token parameter: in the form body of a POST (never in a URL that
   * could reach a log), in the query of a GET. Error messages never include either.
   */
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
  const response = await graphResponse<T>(http, platform, call);
  if (response.status >= 200 && response.status < 300) return response.data;
  throw graphError(platform, response, call.method === 'POST');
}

/** The raw answer of one Graph API call, whatever its status (for callers that read error codes). */
export async function graphResponse<T>(
  http: PlatformHttp,
  platform: string,
  call: GraphCall,
): Promise<AxiosResponse<T>> {
  const params: Record<string, string> = Object.fromEntries(
    Object.entries(call.params ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
  params.access_token = call.accessToken;
  const isPost = call.method === 'POST';
  return http.request<T>(platform, {
    method: call.method,
    url: `${call.baseUrl.replace(/\/$/, '')}${call.path}`,
    headers: isPost ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    params: isPost ? undefined : params,
    data: isPost ? new URLSearchParams(params).toString() : undefined,
    signal: call.signal,
  });
}
