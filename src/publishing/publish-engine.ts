import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AccountCredentialsStore } from '../core/credentials';
import { MediaService } from '../media/media.service';
import {
  accountContextOf,
  ambiguousRetryOf,
  PublishError,
  PublisherRegistry,
  type AccountContext,
  type Publisher,
  type PublishRequest,
  type PublishResult,
} from '../publishers';
import { ClaimRepository, type ClaimedTarget } from './claim.repository';
import { DeliveryScheduler } from './delivery-scheduler';
import { nextStep } from './failure-policy';
import { PublishingMetrics } from './metrics';
import { OtherDeliveriesRepository } from './other-deliveries.repository';
import { OutcomeRepository, type AttemptFacts } from './outcome.repository';

/** What the queue should do with the wake-up afterwards. */
export type EngineStep = { kind: 'done' } | { kind: 'wake-at'; at: Date; attempts: number };

/** Stable for one delivery of one version: the platform's idempotency key, record key or marker. */
export function idempotencyKeyFor(targetId: string, version: number): string {
  return `gaung-${targetId}-v${version}`;
}

/** How long one wake-up may keep publishing an account's next targets back to back (see handOff). */
const HAND_OFF_BUDGET_MS = 10_000;

/** Runs one wake-up of one target: claim, re-check, call, record. */
@Injectable()
export class PublishEngine {
  private readonly logger = new Logger(PublishEngine.name);
  readonly workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly publishers: PublisherRegistry,
    private readonly claims: ClaimRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly credentials: AccountCredentialsStore,
    private readonly metrics: PublishingMetrics,
    private readonly media: MediaService,
    private readonly scheduler: DeliveryScheduler,
    private readonly others: OtherDeliveriesRepository,
  ) {}

  /**
   * `keepGoing` is asked before each hand-off (see handOff): a worker that is closing stops
   * taking the account's next targets and leaves them to their wake-ups.
   */
  async run(targetId: string, version: number, keepGoing: () => boolean = () => true): Promise<EngineStep> {
    const account = await this.claims.accountOf(targetId);
    if (!account) return { kind: 'done' };
    const publisher = this.publishers.get(account.platform);
    const claim = await this.claims.claim(
      account.id,
      targetId,
      version,
      this.workerId,
      this.config.PUBLISH_LEASE_MS,
      publisher.limits.rateBudget,
    );
    if (claim.kind === 'wait') return { kind: 'wake-at', at: claim.until, attempts: claim.attempts };
    if (claim.kind === 'stale') return { kind: 'done' };
    if (claim.kind !== 'claimed') {
      // HELD or EXPIRED: the account is free, and its other due targets may be waiting on it.
      await this.handOff(account.id, publisher, keepGoing);
      return { kind: 'done' };
    }
    const step = await this.publishClaimed(claim.target, publisher);
    await this.handOff(account.id, publisher, step.kind === 'done' ? keepGoing : () => false);
    return step;
  }

  /**
   * One publish at a time per account, without the account's other wake-ups polling for their
   * turn: when a publish ends, the same worker claims the account's next due target and publishes
   * it (dismissing that target's own wake-up), back to back. It stops when nothing is claimable,
   * when a publish did not end (a retry: the account may be in trouble), after HAND_OFF_BUDGET_MS
   * so that one busy account cannot keep a worker slot from the others, or when asked to; then
   * the account's next due target's wake-up is made to run now, to claim or explain itself.
   */
  private async handOff(accountId: string, publisher: Publisher, keepGoing: () => boolean): Promise<void> {
    const stopAt = Date.now() + HAND_OFF_BUDGET_MS;
    while (keepGoing() && Date.now() < stopAt) {
      const next = await this.claims.claimNext(
        accountId,
        this.workerId,
        this.config.PUBLISH_LEASE_MS,
        publisher.limits.rateBudget,
      );
      if (!next) break;
      await this.scheduler.dismiss(next.targetId, next.version, next.attempts);
      const step = await this.publishClaimed(next, publisher);
      if (step.kind === 'wake-at') {
        await this.scheduler.wake([
          { id: next.targetId, version: next.version, dueAt: step.at, attempts: step.attempts },
        ]);
        break;
      }
    }
    const due = await this.claims.nextDue(accountId);
    if (due) await this.scheduler.hurry(due);
  }

  /** Publishes a claimed target while keeping its lease alive (see keepLease). */
  private async publishClaimed(claimed: ClaimedTarget, publisher: Publisher): Promise<EngineStep> {
    const stopRenewing = this.keepLease(claimed);
    try {
      return await this.publishLeased(claimed, publisher);
    } finally {
      stopRenewing();
    }
  }

  /**
   * Renews the lease every third of PUBLISH_LEASE_MS while the publish runs: a long video upload
   * keeps its claim, and a worker that dies stops renewing, so its lease (and with it the account's
   * queue) is free again within one lease. A lost renewal (database cut) is only logged: the
   * outcome write checks the lease owner, and the sweeper treats an expired lease as AMBIGUOUS.
   */
  private keepLease(claimed: ClaimedTarget): () => void {
    const leaseMs = this.config.PUBLISH_LEASE_MS;
    const timer = setInterval(
      () => {
        this.claims.renewLease(claimed.targetId, claimed.version, this.workerId, leaseMs).then(
          (held) => held || this.logger.warn({ msg: 'lease lost while publishing', targetId: claimed.targetId }),
          (error: unknown) => this.logger.warn({ msg: 'lease renewal failed', targetId: claimed.targetId, err: error }),
        );
      },
      Math.floor(leaseMs / 3),
    );
    return () => clearInterval(timer);
  }

  private async publishLeased(claimed: ClaimedTarget, publisher: Publisher): Promise<EngineStep> {
    const prepared = await this.prepare(claimed, publisher);
    if (!prepared) {
      await this.claims.releaseUnreadable(claimed, this.workerId);
      return { kind: 'done' };
    }
    const { request, facts } = prepared;
    if (claimed.attempts === 0 && claimed.scheduledAt) {
      this.metrics.lateness.observe(
        { platform: publisher.platform },
        Math.max(0, facts.startedAt.getTime() - claimed.scheduledAt.getTime()) / 1000,
      );
    }
    try {
      const { result, via } = await this.call(publisher, request, claimed.lastOutcome === 'AMBIGUOUS');
      this.metrics.outcomes.inc({ platform: publisher.platform, outcome: 'PUBLISHED' });
      const lateSeconds = this.lateSeconds(claimed.scheduledAt);
      if (lateSeconds !== null) this.metrics.publishedLate.inc({ platform: publisher.platform });
      await this.outcomes.published(facts, result, via, lateSeconds);
      return { kind: 'done' };
    } catch (thrown) {
      const error = asPublishError(publisher.platform, thrown);
      this.metrics.outcomes.inc({ platform: publisher.platform, outcome: error.kind });
      const step = nextStep(
        error,
        claimed.attempts,
        this.config.MAX_PUBLISH_ATTEMPTS,
        ambiguousRetryOf(publisher, claimed.settings),
        Math.random,
        claimed.priorAmbiguous,
      );
      this.logger.warn({
        msg: 'publish failed',
        targetId: claimed.targetId,
        kind: error.kind,
        code: error.code,
        step: step.kind,
      });
      const retryAt = await this.outcomes.failed(facts, error, step);
      if (!retryAt || step.kind !== 'retry') return { kind: 'done' };
      return { kind: 'wake-at', at: retryAt, attempts: claimed.attempts + (step.countsAsAttempt ? 1 : 0) };
    }
  }

  /** How late a publish ending now is, when that is more than LATE_AFTER_SECONDS; else null. */
  private lateSeconds(scheduledAt: Date | null): number | null {
    if (!scheduledAt) return null;
    const seconds = Math.round((Date.now() - scheduledAt.getTime()) / 1000);
    return seconds > this.config.LATE_AFTER_SECONDS ? seconds : null;
  }

  /** The call itself, bounded by PUBLISH_TIMEOUT_MS even when a publisher ignores the signal. */
  private async call(
    publisher: Publisher,
    request: PublishRequest,
    afterAmbiguous: boolean,
  ): Promise<{ result: PublishResult; via: 'publish' | 'lookup' }> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(PublishError.ambiguous('engine.timeout', `No answer within ${this.config.PUBLISH_TIMEOUT_MS} ms`));
      }, this.config.PUBLISH_TIMEOUT_MS);
    });
    const bounded = { ...request, signal: controller.signal };
    try {
      if (afterAmbiguous && publisher.ambiguousRetry === 'lookup' && publisher.findPublished) {
        const found = await Promise.race([publisher.findPublished(bounded), timeout]);
        if (found) return { result: found, via: 'lookup' };
      }
      return { result: await Promise.race([publisher.publish(bounded), timeout]), via: 'publish' };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Builds the request from what the claim returned. The claim statement itself re-checked, under
   * share locks, that the post is still approved at this version, the account ACTIVE, nothing on
   * hold and "do not publish after" not passed (docs/architecture.md, publishing 3), and the call follows at once.
   */
  private async prepare(
    claimed: ClaimedTarget,
    publisher: Publisher,
  ): Promise<{ request: PublishRequest; facts: AttemptFacts } | null> {
    let account: AccountContext;
    try {
      account = accountContextOf(this.credentials, {
        id: claimed.accountId,
        workspaceId: claimed.accountWorkspaceId,
        platform: publisher.platform,
        baseUrl: claimed.baseUrl,
        externalId: claimed.externalId,
        handle: claimed.handle,
        settings: claimed.settings,
        credentialsCiphertext: claimed.credentialsCiphertext,
        credentialsKeyId: claimed.credentialsKeyId,
      });
    } catch {
      return null;
    }
    const facts: AttemptFacts = {
      targetId: claimed.targetId,
      workspaceId: claimed.workspaceId,
      accountId: claimed.accountId,
      version: claimed.version,
      owner: this.workerId,
      startedAt: new Date(),
    };
    const request: PublishRequest = {
      targetId: claimed.targetId,
      version: claimed.version,
      idempotencyKey: idempotencyKeyFor(claimed.targetId, claimed.version),
      scheduledAt: claimed.scheduledAt,
      account,
      content: {
        text: claimed.text,
        title: claimed.title,
        media: claimed.hasMedia ? await this.media.itemsForPost(claimed.workspaceId, claimed.postId, publisher) : [],
      },
      signal: new AbortController().signal,
      otherDeliveries: this.others.of({
        targetId: claimed.targetId,
        workspaceId: claimed.workspaceId,
        accountId: claimed.accountId,
      }),
    };
    return { request, facts };
  }
}

function asPublishError(platform: string, thrown: unknown): PublishError {
  if (thrown instanceof PublishError) return thrown;
  // A publisher bug after the request may have gone out: never assume it was not sent.
  return PublishError.ambiguous(
    `${platform.toLowerCase()}.unexpected`,
    thrown instanceof Error ? thrown.message : String(thrown),
    { cause: thrown },
  );
}
