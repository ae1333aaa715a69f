import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { PUBLISH_QUEUE } from '../core/queue';

export interface WakeTarget {
  id: string;
  version: number;
  dueAt: Date;
  /** The target's counted attempts; 0 (the default) for a fresh approval. */
  attempts?: number;
}

/** The publish job's payload: ids only; Postgres holds everything else. */
export interface PublishJobData {
  targetId: string;
  version: number;
}

const PUBLISH_JOB = 'publish-target';

interface TargetVersion {
  id: string;
  state: string;
  version: number;
}

/**
 * The wake-ups a change left behind: every target that was SCHEDULED before it and, after it, is
 * gone, in another state or at another version. They would claim nothing; dropping them keeps
 * Redis from filling with sleeping jobs after a burst of edits or reschedules.
 */
export function staleWakeUps(before: TargetVersion[], after: TargetVersion[]): Array<{ id: string; version: number }> {
  const now = new Map(after.map((t) => [t.id, t]));
  return before
    .filter((t) => t.state === 'SCHEDULED')
    .filter((t) => {
      const later = now.get(t.id);
      return !later || later.state !== 'SCHEDULED' || later.version !== t.version;
    })
    .map((t) => ({ id: t.id, version: t.version }));
}

/**
 * One wake-up per target, version and attempt count: no ':' and never all digits (BullMQ job id
 * rules). The attempt count is part of it so that a wake-up stuck with a dead worker (an "active"
 * job until BullMQ's stall check) never blocks the wake-up of the next attempt.
 */
export function publishJobId(targetId: string, version: number, attempts = 0): string {
  return `pt-${targetId}-v${version}-a${attempts}`;
}

/**
 * Wakes the engine for targets. The queue only wakes: a wake-up that is stale, early or duplicated
 * finds nothing to claim. Call it after the transaction that scheduled the targets has committed,
 * never inside it.
 */
@Injectable()
export class DeliveryScheduler {
  constructor(
    @InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue<PublishJobData>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async wake(targets: WakeTarget[]): Promise<void> {
    if (targets.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      targets.map((target) => ({
        name: PUBLISH_JOB,
        data: { targetId: target.id, version: target.version },
        opts: {
          jobId: publishJobId(target.id, target.version, target.attempts ?? 0),
          delay: Math.max(0, target.dueAt.getTime() - now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /**
   * Removes the wake-up of a target the engine claimed by hand-off (it would only find nothing to
   * claim). One Redis call; a wake-up that is running elsewhere stays, and exits as stale.
   */
  async dismiss(targetId: string, version: number, attempts: number): Promise<void> {
    await this.queue.remove(publishJobId(targetId, version, attempts));
  }

  /** Makes a due target's wake-up run now: promotes it if it sleeps, adds it if it is gone. */
  async hurry(target: Required<WakeTarget>): Promise<void> {
    const job = await this.queue.getJob(publishJobId(target.id, target.version, target.attempts));
    if (!job) return this.wake([target]);
    // Throws when the job is not delayed (waiting or running already): nothing to hurry then.
    await job.promote().catch(() => undefined);
  }

  /**
   * Removes a stale wake-up of every attempt count (they never exceed MAX_PUBLISH_ATTEMPTS) in one
   * round of parallel calls. BullMQ leaves a running (locked) job alone; it exits as stale.
   */
  async forget(targetId: string, version: number): Promise<void> {
    const attempts = Array.from({ length: this.config.MAX_PUBLISH_ATTEMPTS + 1 }, (_, count) => count);
    await Promise.all(
      attempts.map((count) => this.queue.remove(publishJobId(targetId, version, count)).catch(() => 0)),
    );
  }

  /** True when a wake-up for this target and version waits or runs (the sweeper's question). */
  async hasLiveWakeUp(targetId: string, version: number, attempts: number): Promise<boolean> {
    const job = await this.queue.getJob(publishJobId(targetId, version, attempts));
    if (!job) return false;
    const state = await job.getState();
    return (
      state === 'delayed' ||
      state === 'waiting' ||
      state === 'prioritized' ||
      state === 'active' ||
      state === 'waiting-children'
    );
  }
}
