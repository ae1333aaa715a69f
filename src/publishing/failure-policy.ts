import type { AmbiguousRetry, PublishError } from '../publishers';

/** What the engine does after a failed call; pure, so every branch is unit-tested. */
export type NextStep =
  | { kind: 'retry'; delayMs: number; countsAsAttempt: boolean }
  | { kind: 'failed' }
  | { kind: 'unconfirmed' }
  | { kind: 'park-account' };

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 15 * 60_000;
/** A rate limit without a Retry-After waits this long (it does not use up an attempt). */
const RATE_LIMIT_DEFAULT_WAIT_MS = 60_000;

/** Exponential backoff with "equal jitter": half fixed, half random, so retries never align. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export function safeToRetryAmbiguous(mode: AmbiguousRetry): boolean {
  return mode !== 'none';
}

/**
 * @param attemptsBefore counted attempts before this call
 * @param maxAttempts MAX_PUBLISH_ATTEMPTS
 * @param priorAmbiguous an earlier call of this version may have posted: where the answer would be
 *   FAILED, it is UNCONFIRMED instead (a human checks), because "failed" would be a lie if it had.
 */
export function nextStep(
  error: PublishError,
  attemptsBefore: number,
  maxAttempts: number,
  ambiguousRetry: AmbiguousRetry,
  random: () => number = Math.random,
  priorAmbiguous = false,
): NextStep {
  const step = stepFor(error, attemptsBefore, maxAttempts, ambiguousRetry, random);
  return step.kind === 'failed' && priorAmbiguous ? { kind: 'unconfirmed' } : step;
}

function stepFor(
  error: PublishError,
  attemptsBefore: number,
  maxAttempts: number,
  ambiguousRetry: AmbiguousRetry,
  random: () => number,
): NextStep {
  const attempts = attemptsBefore + 1;
  switch (error.kind) {
    case 'PERMANENT':
      return { kind: 'failed' };
    case 'AUTH':
      return { kind: 'park-account' };
    case 'NOT_SENT_RETRYABLE':
      if (error.rateLimited) {
        return {
          kind: 'retry',
          delayMs: (error.retryAfterMs ?? RATE_LIMIT_DEFAULT_WAIT_MS) + Math.round(250 * random()),
          countsAsAttempt: false,
        };
      }
      if (attempts >= maxAttempts) return { kind: 'failed' };
      return {
        kind: 'retry',
        delayMs: Math.max(error.retryAfterMs ?? 0, backoffMs(attempts, random)),
        countsAsAttempt: true,
      };
    case 'AMBIGUOUS':
      if (!safeToRetryAmbiguous(ambiguousRetry) || attempts >= maxAttempts) return { kind: 'unconfirmed' };
      return {
        kind: 'retry',
        delayMs: Math.max(error.retryAfterMs ?? 0, backoffMs(attempts, random)),
        countsAsAttempt: true,
      };
  }
}
