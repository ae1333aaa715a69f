import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { SecretBox } from '../core/crypto';
import { PrismaService, type DeliveryState } from '../core/database';
import { PublishError, PublisherRegistry, type Publisher, type PublishRequest, type PublishResult } from '../publishers';
import { writeAudit } from './audit';
import { ClaimRepository, type ClaimedTarget } from './claim.repository';
import { nextStep } from './failure-policy';
import { PublishingMetrics } from './metrics';
import { OutcomeRepository, type AttemptFacts } from './outcome.repository';

/** What the queue should do with the wake-up afterwards. */
export type EngineStep = { kind: 'done' } | { kind: 'wake-at'; at: Date };

/** Stable for one delivery of one version: the platform's idempotency key, record key or marker. */
export function idempotencyKeyFor(targetId: string, version: number): string {
  return `gaung-${targetId}-v${version}`;
}

/** Runs one wake-up of one target: claim, re-check, call, record. */
@Injectable()
export class PublishEngine {
  private readonly logger = new Logger(PublishEngine.name);
  readonly workerId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly publishers: PublisherRegistry,
    private readonly claims: ClaimRepository,
    private readonly outcomes: OutcomeRepository,
    private readonly secrets: SecretBox,
    private readonly metrics: PublishingMetrics,
  ) {}

  async run(targetId: string, version: number): Promise<EngineStep> {
    const head = await this.prisma.postTarget.findUnique({ where: { id: targetId }, select: { accountId: true, account: { select: { platform: true } } } });
    if (!head || !this.publishers.has(head.account.platform)) return { kind: 'done' };
    const publisher = this.publishers.get(head.account.platform);
    const claim = await this.claims.claim({ id: targetId, accountId: head.accountId }, version, this.workerId, this.config.PUBLISH_LEASE_MS, publisher.limits.rateBudget);
    if (claim.kind === 'wait') return { kind: 'wake-at', at: claim.until };
    if (claim.kind !== 'claimed') return { kind: 'done' };
    return this.publishClaimed(claim.target, publisher);
  }

  private async publishClaimed(claimed: ClaimedTarget, publisher: Publisher): Promise<EngineStep> {
    const loaded = await this.loadAndRecheck(claimed);
    if ('release' in loaded) {
      await this.release(claimed, loaded.release, loaded.workspaceId, loaded.reason);
      return { kind: 'done' };
    }
    const { request, facts, dueAt } = loaded;
    if (claimed.attempts === 0 && dueAt) this.metrics.lateness.observe({ platform: publisher.platform }, Math.max(0, facts.startedAt.getTime() - dueAt.getTime()) / 1000);
    try {
      const { result, via } = await this.call(publisher, request, claimed.lastOutcome === 'AMBIGUOUS');
      this.metrics.outcomes.inc({ platform: publisher.platform, outcome: 'PUBLISHED' });
      await this.outcomes.published(facts, result, via);
      return { kind: 'done' };
    } catch (thrown) {
      const error = asPublishError(publisher.platform, thrown);
      this.metrics.outcomes.inc({ platform: publisher.platform, outcome: error.kind });
      const step = nextStep(error, claimed.attempts, this.config.MAX_PUBLISH_ATTEMPTS, publisher.ambiguousRetry);
      this.logger.warn({ msg: 'publish failed', targetId: claimed.id, kind: error.kind, code: error.code, step: step.kind });
      const retryAt = await this.outcomes.failed(facts, error, step);
      return retryAt ? { kind: 'wake-at', at: retryAt } : { kind: 'done' };
    }
  }

  /** The call itself, bounded by PUBLISH_TIMEOUT_MS even when a publisher ignores the signal. */
  private async call(publisher: Publisher, request: PublishRequest, afterAmbiguous: boolean): Promise<{ result: PublishResult; via: 'publish' | 'lookup' }> {
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

  /** DESIGN.md point 3: re-check everything just before the call, and build the request. */
  private async loadAndRecheck(claimed: ClaimedTarget) {
    const target = await this.prisma.postTarget.findUniqueOrThrow({
      where: { id: claimed.id },
      include: { post: { include: { campaign: { select: { heldAt: true } } } }, account: true, workspace: { select: { heldAt: true } } },
    });
    const { post, account, workspace } = target;
    const now = new Date();
    const release = (state: DeliveryState, reason: string) => ({ release: state, reason, workspaceId: target.workspaceId });
    if (post.status === 'CANCELLED') return release('CANCELLED', 'post cancelled');
    if (post.status !== 'APPROVED' || post.approvedVersion !== claimed.version) return release('PENDING', 'post changed after the claim');
    if (post.notAfter && post.notAfter <= now) return release('EXPIRED', 'do not publish after passed');
    if (workspace.heldAt || post.campaign?.heldAt) return release('HELD', 'on hold');
    if (account.status !== 'ACTIVE') return release('HELD', 'account not active');
    let credentials: Record<string, unknown> = {};
    if (account.credentialsCiphertext && account.credentialsKeyId) {
      try {
        const plain = this.secrets.open(
          { keyId: account.credentialsKeyId, ciphertext: new Uint8Array(account.credentialsCiphertext) },
          { workspaceId: account.workspaceId, subject: `account:${account.id}` },
        );
        credentials = JSON.parse(plain) as Record<string, unknown>;
      } catch {
        return release('HELD', 'credentials cannot be decrypted');
      }
    }
    const facts: AttemptFacts = { targetId: target.id, workspaceId: target.workspaceId, accountId: account.id, version: claimed.version, owner: this.workerId, startedAt: now };
    const request: PublishRequest = {
      targetId: target.id,
      version: claimed.version,
      idempotencyKey: idempotencyKeyFor(target.id, claimed.version),
      account: {
        accountId: account.id,
        workspaceId: account.workspaceId,
        platform: account.platform,
        baseUrl: account.baseUrl,
        externalId: account.externalId,
        handle: account.handle,
        settings: (account.settings ?? {}) as Record<string, unknown>,
        credentials,
      },
      content: { text: target.text ?? post.baseText, title: post.title, media: [] },
      signal: new AbortController().signal,
    };
    return { request, facts, dueAt: post.scheduledAt };
  }

  /** Gives a claimed target back without calling the platform (something changed since the claim). */
  private async release(claimed: ClaimedTarget, state: DeliveryState, workspaceId: string, reason: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const changed = await tx.postTarget.updateMany({
        where: { id: claimed.id, state: 'PUBLISHING', leaseOwner: this.workerId },
        data: { state, leaseOwner: null, leaseExpiresAt: null, lastErrorCode: 'engine.recheck', lastError: reason },
      });
      if (changed.count > 0) {
        await writeAudit(tx, { workspaceId, actorKind: 'worker', action: 'target.released', subjectType: 'PostTarget', subjectId: claimed.id, summary: { state, reason } });
      }
    });
  }
}

function asPublishError(platform: string, thrown: unknown): PublishError {
  if (thrown instanceof PublishError) return thrown;
  // A publisher bug after the request may have gone out: never assume it was not sent.
  return PublishError.ambiguous(`${platform.toLowerCase()}.unexpected`, thrown instanceof Error ? thrown.message : String(thrown), { cause: thrown });
}
