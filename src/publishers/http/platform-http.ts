import { Injectable } from '@nestjs/common';
import { type AxiosRequestConfig, type AxiosResponse, isAxiosError } from 'axios';
import { Egress, EgressRefusedError } from '../../core/egress';
import { PublishError } from '../publish-error';

const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_INVALID_URL',
]);

/**
 * The publishers' door to platform APIs, through the guarded egress. Returns every HTTP response
 * (publishers map statuses themselves) and turns transport failures into the taxonomy: a connection
 * that never opened was not sent; a timeout or reset after the request went out is AMBIGUOUS (the
 * platform may have acted); an address the egress refuses is PERMANENT until an admin changes it.
 */
@Injectable()
export class PlatformHttp {
  constructor(private readonly egress: Egress) {}

  async request<T = unknown>(platform: string, config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    try {
      return await this.egress.request<T>(config);
    } catch (error) {
      throw transportError(platform, error);
    }
  }

  /** An address kept for later calls (a webhook URL), refused now as a call to it would be (see Egress.check). */
  async checkAddress(platform: string, url: string): Promise<void> {
    try {
      await this.egress.check(url);
    } catch (error) {
      throw transportError(platform, error);
    }
  }
}

/**
 * Maps a transport failure to the taxonomy. The axios error is NOT kept as the cause: its config
 * holds Authorization headers and, for some platforms, tokens in the URL; only an egress refusal is.
 */
export function transportError(platform: string, error: unknown): PublishError {
  const refused = refusalIn(error);
  if (refused) return PublishError.permanent(`${platform}.address_refused`, refused.message, { cause: refused });
  if (!isAxiosError(error)) return PublishError.ambiguous(`${platform}.unknown`, `${platform} request failed`);
  const code = error.code ?? 'UNKNOWN';
  const causeCode = (error.cause as NodeJS.ErrnoException | undefined)?.code;
  if (NOT_SENT_CODES.has(code) || (causeCode && NOT_SENT_CODES.has(causeCode))) {
    return PublishError.notSent(
      `${platform}.${(causeCode ?? code).toLowerCase()}`,
      `${platform} could not be reached (${causeCode ?? code})`,
    );
  }
  if (code === 'ERR_CANCELED') {
    return PublishError.ambiguous(`${platform}.aborted`, `${platform} did not answer before the publish timeout`);
  }
  // ETIMEDOUT / ECONNABORTED / ECONNRESET / socket hang up: the request may have been processed.
  return PublishError.ambiguous(
    `${platform}.${code.toLowerCase()}`,
    `${platform} connection ended without an answer (${code})`,
  );
}

/**
 * The egress refusal behind an error, if any: thrown before the request, by the lookup inside axios,
 * or kept as the cause of a PublishError (publishers re-throw with the cause; it holds no secret).
 */
export function refusalIn(error: unknown): EgressRefusedError | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth++) {
    if (current instanceof EgressRefusedError) return current;
  }
  return null;
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Runs a step that cannot make anything visible by itself (a media upload, an unpublished container):
 * if it ends ambiguously, nothing was published, so the failure is NOT_SENT_RETRYABLE.
 */
export async function beforePublication<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof PublishError && error.kind === 'AMBIGUOUS') {
      throw PublishError.notSent(error.code, error.message, { httpStatus: error.httpStatus, cause: error });
    }
    throw error;
  }
}
