import { Logger } from '@nestjs/common';
import type { AppConfig } from '../core/config';
import type { AccountCredentialsStore } from '../core/credentials';
import type { MediaService } from '../media/media.service';
import {
  PublishError,
  type Publisher,
  type PublisherRegistry,
  type PublishRequest,
  type PublishResult,
} from '../publishers';
import type { ClaimedTarget, ClaimRepository, ClaimResult } from './claim.repository';
import type { DeliveryScheduler, WakeTarget } from './delivery-scheduler';
import type { NextStep } from './failure-policy';
import { PublishingMetrics } from './metrics';
import type { OtherDeliveriesRepository } from './other-deliveries.repository';
import type { AttemptFacts, OutcomeRepository } from './outcome.repository';
import { idempotencyKeyFor, PublishEngine } from './publish-engine';

// The engine's branches with in-memory stand-ins for its repositories, the scheduler and the
// platform. The same paths against real Postgres, Redis and contract servers: test/publishing.

const CONFIG = {
  PUBLISH_LEASE_MS: 60_000,
  PUBLISH_TIMEOUT_MS: 50,
  MAX_PUBLISH_ATTEMPTS: 5,
  LATE_AFTER_SECONDS: 300,
} as AppConfig;

function claimed(targetId: string, fields: Partial<ClaimedTarget> = {}): ClaimedTarget {
  return {
    targetId,
    version: 1,
    attempts: 0,
    lastOutcome: null,
    priorAmbiguous: false,
    workspaceId: 'ws-1',
    postId: `post-${targetId}`,
    text: 'Buruh bersatu',
    title: null,
    scheduledAt: null,
    hasMedia: false,
    accountId: 'acc-1',
    accountWorkspaceId: 'ws-1',
    baseUrl: null,
    externalId: null,
    handle: null,
    settings: {},
    credentialsCiphertext: null,
    credentialsKeyId: null,
    ...fields,
  };
}

/** The claim statements: the first claim answers `first`; claimNext hands out `queue` in order. */
class InMemoryClaims {
  account: { id: string; platform: 'MASTODON' } | null = { id: 'acc-1', platform: 'MASTODON' };
  first: ClaimResult = { kind: 'stale' };
  queue: ClaimedTarget[] = [];
  due: Required<WakeTarget> | null = null;
  claimNextCalls = 0;
  released: string[] = [];

  accountOf = async () => this.account;
  claim = async () => this.first;
  claimNext = async () => {
    this.claimNextCalls += 1;
    return this.queue.shift() ?? null;
  };
  renewLease = async () => true;
  releaseUnreadable = async (target: ClaimedTarget) => void this.released.push(target.targetId);
  nextDue = async () => this.due;
}

/** Outcomes as written: a retry is due after its delay. */
class InMemoryOutcomes {
  published: Array<{ targetId: string; result: PublishResult; via: 'publish' | 'lookup' }> = [];
  failed: Array<{ targetId: string; kind: string; code: string; step: NextStep['kind'] }> = [];

  asRepository(): OutcomeRepository {
    return {
      published: async (facts: AttemptFacts, result: PublishResult, via: 'publish' | 'lookup') => {
        this.published.push({ targetId: facts.targetId, result, via });
        return true;
      },
      failed: async (facts: AttemptFacts, error: PublishError, step: NextStep) => {
        this.failed.push({ targetId: facts.targetId, kind: error.kind, code: error.code, step: step.kind });
        return step.kind === 'retry' ? new Date(Date.now() + step.delayMs) : null;
      },
    } as unknown as OutcomeRepository;
  }
}

class InMemoryScheduler {
  dismissed: string[] = [];
  woken: WakeTarget[] = [];
  hurried: string[] = [];

  dismiss = async (targetId: string) => void this.dismissed.push(targetId);
  wake = async (targets: WakeTarget[]) => void this.woken.push(...targets);
  hurry = async (target: WakeTarget) => void this.hurried.push(target.id);
}

/** A platform whose answer each test sets; it records what it was asked. */
class ScriptedPublisher {
  readonly platform = 'MASTODON' as const;
  readonly limits = { rateBudget: null };
  ambiguousRetry: Publisher['ambiguousRetry'] = 'idempotency-key';
  answer: (request: PublishRequest) => Promise<PublishResult> = async (request) => ({
    externalId: `ext-${request.targetId}`,
    url: null,
  });
  found: PublishResult | null = null;
  published: PublishRequest[] = [];
  lookedUp: PublishRequest[] = [];

  publish = (request: PublishRequest) => {
    this.published.push(request);
    return this.answer(request);
  };
  findPublished = async (request: PublishRequest) => {
    this.lookedUp.push(request);
    return this.found;
  };
}

function setUp() {
  const claims = new InMemoryClaims();
  const outcomes = new InMemoryOutcomes();
  const scheduler = new InMemoryScheduler();
  const publisher = new ScriptedPublisher();
  const credentials = { unreadable: false };
  const openCredentials = {
    open: () => (credentials.unreadable ? failToOpen() : {}),
    save: async () => undefined,
  } as unknown as AccountCredentialsStore;
  const engine = new PublishEngine(
    CONFIG,
    { get: () => publisher } as unknown as PublisherRegistry,
    claims as unknown as ClaimRepository,
    outcomes.asRepository(),
    openCredentials,
    new PublishingMetrics(),
    { itemsForPost: async () => [] } as unknown as MediaService,
    scheduler as unknown as DeliveryScheduler,
    {
      of: () => ({ taken: async () => new Set<string>(), unresolvedTwin: async () => false }),
    } as unknown as OtherDeliveriesRepository,
  );
  return { engine, claims, outcomes, scheduler, publisher, credentials };
}

function failToOpen(): never {
  throw new Error('unsupported state or unable to authenticate data');
}

describe('PublishEngine (in-memory stand-ins)', () => {
  // The engine logs each failed publish; these tests read the outcomes instead.
  beforeAll(() => Logger.overrideLogger(false));

  describe('when the claim explains why there is nothing to publish', () => {
    it('an unknown target is done, with nothing claimed', async () => {
      const { engine, claims, publisher } = setUp();
      claims.account = null;
      await expect(engine.run('t-1', 1)).resolves.toEqual({ kind: 'done' });
      expect(publisher.published).toHaveLength(0);
      expect(claims.claimNextCalls).toBe(0);
    });

    it('"wait" wakes the target again at the time the claim names, keeping its attempts', async () => {
      const { engine, claims, publisher } = setUp();
      const until = new Date(Date.now() + 5_000);
      claims.first = { kind: 'wait', until, reason: 'rate-budget', attempts: 2 };
      await expect(engine.run('t-1', 1)).resolves.toEqual({ kind: 'wake-at', at: until, attempts: 2 });
      expect(publisher.published).toHaveLength(0);
      expect(claims.claimNextCalls).toBe(0);
    });

    it('"stale" (another version, not approved at this version) exits without a hand-off', async () => {
      const { engine, claims, scheduler } = setUp();
      claims.first = { kind: 'stale' };
      await expect(engine.run('t-1', 1)).resolves.toEqual({ kind: 'done' });
      expect(claims.claimNextCalls).toBe(0);
      expect(scheduler.hurried).toHaveLength(0);
    });

    it.each<ClaimResult>([
      { kind: 'held', reason: 'hold' },
      { kind: 'expired', notificationIds: [] },
    ])('"$kind" frees the account for its next due target', async (result) => {
      const { engine, claims, outcomes, scheduler } = setUp();
      claims.first = result;
      claims.queue = [claimed('t-2')];
      await expect(engine.run('t-1', 1)).resolves.toEqual({ kind: 'done' });
      expect(outcomes.published.map((p) => p.targetId)).toEqual(['t-2']);
      expect(scheduler.dismissed).toEqual(['t-2']);
    });
  });

  describe('a claimed target', () => {
    it('is published with its idempotency key and recorded', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      claims.first = { kind: 'claimed', target: claimed('t-1', { version: 3 }) };
      await expect(engine.run('t-1', 3)).resolves.toEqual({ kind: 'done' });
      expect(publisher.published[0]!.idempotencyKey).toBe(idempotencyKeyFor('t-1', 3));
      expect(outcomes.published).toEqual([
        { targetId: 't-1', result: { externalId: 'ext-t-1', url: null }, via: 'publish' },
      ]);
    });

    it('whose credentials cannot be opened is released unread, and the platform is not called', async () => {
      const { engine, claims, publisher, credentials } = setUp();
      credentials.unreadable = true;
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      await expect(engine.run('t-1', 1)).resolves.toEqual({ kind: 'done' });
      expect(claims.released).toEqual(['t-1']);
      expect(publisher.published).toHaveLength(0);
    });

    it('a retryable failure wakes it again at the retry time, counting the attempt', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      publisher.answer = async () => {
        throw PublishError.notSent('mastodon.unavailable', '503');
      };
      claims.first = { kind: 'claimed', target: claimed('t-1', { attempts: 1 }) };
      const step = await engine.run('t-1', 1);
      expect(step).toMatchObject({ kind: 'wake-at', attempts: 2 });
      expect(outcomes.failed).toEqual([
        { targetId: 't-1', kind: 'NOT_SENT_RETRYABLE', code: 'mastodon.unavailable', step: 'retry' },
      ]);
    });

    it('a publisher bug (not a PublishError) counts as AMBIGUOUS: the request may have gone out', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      publisher.answer = async () => {
        throw new TypeError('cannot read properties of undefined');
      };
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      await engine.run('t-1', 1);
      expect(outcomes.failed[0]).toMatchObject({ kind: 'AMBIGUOUS', code: 'mastodon.unexpected' });
    });
  });

  describe('the timeout race', () => {
    it('a platform that never answers (and ignores the signal) loses to PUBLISH_TIMEOUT_MS: AMBIGUOUS, signal aborted', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      publisher.answer = () => new Promise<never>(() => undefined);
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      const started = Date.now();
      await engine.run('t-1', 1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(CONFIG.PUBLISH_TIMEOUT_MS - 5);
      expect(outcomes.failed[0]).toMatchObject({ targetId: 't-1', kind: 'AMBIGUOUS', code: 'engine.timeout' });
      expect(publisher.published[0]!.signal.aborted).toBe(true);
    });

    it('an answer before the timeout wins, and the timer does not fire afterwards', async () => {
      const { engine, claims, outcomes } = setUp();
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      await engine.run('t-1', 1);
      await new Promise((resolve) => setTimeout(resolve, CONFIG.PUBLISH_TIMEOUT_MS * 2));
      expect(outcomes.failed).toHaveLength(0);
      expect(outcomes.published).toHaveLength(1);
    });
  });

  describe('after an ambiguous outcome', () => {
    it('a look-up platform finds its own post first and does not publish again', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      publisher.ambiguousRetry = 'lookup';
      publisher.found = { externalId: 'ext-found', url: 'https://social.example/@kspi/1' };
      claims.first = {
        kind: 'claimed',
        target: claimed('t-1', { attempts: 1, lastOutcome: 'AMBIGUOUS', priorAmbiguous: true }),
      };
      await engine.run('t-1', 1);
      expect(publisher.lookedUp).toHaveLength(1);
      expect(publisher.published).toHaveLength(0);
      expect(outcomes.published).toEqual([{ targetId: 't-1', result: publisher.found, via: 'lookup' }]);
    });

    it('publishes when the look-up finds nothing', async () => {
      const { engine, claims, outcomes, publisher } = setUp();
      publisher.ambiguousRetry = 'lookup';
      claims.first = {
        kind: 'claimed',
        target: claimed('t-1', { attempts: 1, lastOutcome: 'AMBIGUOUS', priorAmbiguous: true }),
      };
      await engine.run('t-1', 1);
      expect(publisher.lookedUp).toHaveLength(1);
      expect(outcomes.published[0]).toMatchObject({ via: 'publish' });
    });

    it('looks nothing up after another kind of outcome, or on a platform without a look-up', async () => {
      const { engine, claims, publisher } = setUp();
      publisher.ambiguousRetry = 'lookup';
      claims.first = { kind: 'claimed', target: claimed('t-1', { attempts: 1, lastOutcome: 'NOT_SENT_RETRYABLE' }) };
      await engine.run('t-1', 1);
      publisher.ambiguousRetry = 'idempotency-key';
      claims.first = {
        kind: 'claimed',
        target: claimed('t-2', { attempts: 1, lastOutcome: 'AMBIGUOUS', priorAmbiguous: true }),
      };
      await engine.run('t-2', 1);
      expect(publisher.lookedUp).toHaveLength(0);
      expect(publisher.published.map((r) => r.targetId)).toEqual(['t-1', 't-2']);
    });
  });

  describe("the hand-off to the account's next target", () => {
    it('publishes the next due targets back to back, dismissing their own wake-ups, then hurries the next due one', async () => {
      const { engine, claims, outcomes, scheduler } = setUp();
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      claims.queue = [claimed('t-2'), claimed('t-3')];
      claims.due = { id: 't-9', version: 1, attempts: 0, dueAt: new Date() };
      await engine.run('t-1', 1);
      expect(outcomes.published.map((p) => p.targetId)).toEqual(['t-1', 't-2', 't-3']);
      expect(scheduler.dismissed).toEqual(['t-2', 't-3']);
      expect(scheduler.hurried).toEqual(['t-9']);
    });

    it('stops at a hand-off that ends in a retry, giving that target its own wake-up', async () => {
      const { engine, claims, scheduler, publisher } = setUp();
      publisher.answer = async (request) => {
        if (request.targetId === 't-2') throw PublishError.notSent('mastodon.unavailable', '503');
        return { externalId: `ext-${request.targetId}`, url: null };
      };
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      claims.queue = [claimed('t-2'), claimed('t-3')];
      await engine.run('t-1', 1);
      expect(scheduler.woken).toMatchObject([{ id: 't-2', version: 1, attempts: 1 }]);
      expect(publisher.published.map((r) => r.targetId)).toEqual(['t-1', 't-2']);
    });

    it('does not hand off after its own retry, nor when the worker is closing; the next due target is still hurried', async () => {
      const { engine, claims, publisher, scheduler } = setUp();
      claims.due = { id: 't-9', version: 1, attempts: 0, dueAt: new Date() };
      publisher.answer = async () => {
        throw PublishError.notSent('mastodon.unavailable', '503');
      };
      claims.first = { kind: 'claimed', target: claimed('t-1') };
      claims.queue = [claimed('t-2')];
      await engine.run('t-1', 1);
      publisher.answer = async (request) => ({ externalId: `ext-${request.targetId}`, url: null });
      claims.first = { kind: 'claimed', target: claimed('t-3') };
      await engine.run('t-3', 1, () => false);
      expect(claims.claimNextCalls).toBe(0);
      expect(scheduler.hurried).toEqual(['t-9', 't-9']);
    });
  });
});
