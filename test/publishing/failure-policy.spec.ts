import { PublishError } from '../../src/publishers';
import { backoffMs, nextStep } from '../../src/publishing';

const half = () => 0.5;

describe('failure policy (docs/architecture.md, publishing 4)', () => {
  it('PERMANENT fails, AUTH parks the account', () => {
    expect(nextStep(PublishError.permanent('x.400', 'bad'), 0, 5, 'none')).toEqual({ kind: 'failed' });
    expect(nextStep(PublishError.auth('x.401', 'revoked'), 0, 5, 'none')).toEqual({ kind: 'park-account' });
  });

  it('NOT_SENT retries with growing, jittered backoff until the last attempt fails', () => {
    const error = PublishError.notSent('x.econnrefused', 'down');
    expect(nextStep(error, 0, 3, 'none', half)).toEqual({ kind: 'retry', delayMs: 750, countsAsAttempt: true });
    expect(nextStep(error, 1, 3, 'none', half)).toEqual({ kind: 'retry', delayMs: 1500, countsAsAttempt: true });
    expect(nextStep(error, 2, 3, 'none', half)).toEqual({ kind: 'failed' });
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(30, () => 1)).toBe(15 * 60_000);
  });

  it('Retry-After is honoured; a rate limit never uses up an attempt, even at the last one', () => {
    const limited = PublishError.notSent('x.429', 'slow', { rateLimited: true, retryAfterMs: 7000 });
    expect(nextStep(limited, 99, 3, 'none', () => 0)).toEqual({ kind: 'retry', delayMs: 7000, countsAsAttempt: false });
    const unavailable = PublishError.notSent('x.503', 'later', { retryAfterMs: 9000 });
    expect(nextStep(unavailable, 0, 3, 'none', half)).toMatchObject({ delayMs: 9000 });
  });

  it('AMBIGUOUS retries only with a safe mechanism, and becomes UNCONFIRMED when attempts run out', () => {
    const error = PublishError.ambiguous('x.timeout', 'no answer');
    expect(nextStep(error, 0, 5, 'none')).toEqual({ kind: 'unconfirmed' });
    for (const mode of ['idempotency-key', 'deterministic-id', 'lookup'] as const) {
      expect(nextStep(error, 0, 5, mode, half)).toMatchObject({ kind: 'retry', countsAsAttempt: true });
      expect(nextStep(error, 4, 5, mode, half)).toEqual({ kind: 'unconfirmed' });
    }
  });

  it('after an ambiguous call of the same version, a dead end is UNCONFIRMED, never FAILED', () => {
    expect(nextStep(PublishError.permanent('x.422', 'duplicate'), 1, 5, 'idempotency-key', half, true)).toEqual({
      kind: 'unconfirmed',
    });
    expect(nextStep(PublishError.notSent('x.503', 'later'), 4, 5, 'idempotency-key', half, true)).toEqual({
      kind: 'unconfirmed',
    });
    expect(nextStep(PublishError.auth('x.401', 'revoked'), 1, 5, 'idempotency-key', half, true)).toEqual({
      kind: 'park-account',
    });
  });
});
