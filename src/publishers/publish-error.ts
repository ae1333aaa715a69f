/**
 * The one taxonomy of publishing failures (docs/architecture.md, publishing 4). Every publisher maps every failure
 * to exactly one kind; the engine acts on the kind, never on platform details.
 * - NOT_SENT_RETRYABLE: the platform surely did not act (connection refused, DNS, 429, 503 before
 *   acceptance). Retry with backoff; honour retryAfterMs; a rate-limit wait does not use up attempts.
 * - PERMANENT: the platform refused the content or request (validation, duplicate, 4xx). FAILED.
 * - AUTH: the token is revoked or expired. Account -> NEEDS_RECONNECT; the target waits.
 * - AMBIGUOUS: the request may have been acted on (timeout or reset after sending, 5xx of unknown
 *   effect). Retried only where the publisher declares a safe retry; otherwise UNCONFIRMED.
 */
export type FailureKind = 'NOT_SENT_RETRYABLE' | 'PERMANENT' | 'AUTH' | 'AMBIGUOUS';

export interface PublishErrorOptions {
  httpStatus?: number;
  /** How long the platform asked us to wait (Retry-After, retry_after, x-rate-limit-reset). */
  retryAfterMs?: number;
  /** True when the failure is a rate limit: waiting for it does not count as an attempt. */
  rateLimited?: boolean;
  cause?: unknown;
}

/** A platform's reason is shown to communicators: its own message, cut short, never a whole body. */
export const REASON_MAX_CHARS = 300;

export class PublishError extends Error {
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  readonly rateLimited: boolean;

  constructor(
    readonly kind: FailureKind,
    /** A stable, platform-prefixed code for the ledger, e.g. "telegram.400" or "x.duplicate". */
    readonly code: string,
    /** The platform's own reason, shown to communicators (never contains credentials). */
    message: string,
    options: PublishErrorOptions = {},
  ) {
    super(cutShort(String(message)), { cause: options.cause });
    this.name = 'PublishError';
    this.httpStatus = options.httpStatus;
    this.retryAfterMs = options.retryAfterMs;
    this.rateLimited = options.rateLimited ?? false;
  }

  static notSent(code: string, message: string, options?: PublishErrorOptions) {
    return new PublishError('NOT_SENT_RETRYABLE', code, message, options);
  }
  static permanent(code: string, message: string, options?: PublishErrorOptions) {
    return new PublishError('PERMANENT', code, message, options);
  }
  static auth(code: string, message: string, options?: PublishErrorOptions) {
    return new PublishError('AUTH', code, message, options);
  }
  static ambiguous(code: string, message: string, options?: PublishErrorOptions) {
    return new PublishError('AMBIGUOUS', code, message, options);
  }
}

function cutShort(text: string): string {
  return text.length > REASON_MAX_CHARS ? `${text.slice(0, REASON_MAX_CHARS - 1)}…` : text;
}
