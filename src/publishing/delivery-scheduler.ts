import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { PUBLISH_QUEUE } from '../core/queue';

export interface WakeTarget {
  id: string;
  version: number;
  dueAt: Date;
}

/** The publish job's payload: ids only; Postgres holds everything else. */
export interface PublishJobData {
  targetId: string;
  version: number;
}

export const PUBLISH_JOB = 'publish-target';

/** One wake-up per target and version: no ':' and never all digits (BullMQ job id rules). */
export function publishJobId(targetId: string, version: number): string {
  return `pt-${targetId}-v${version}`;
}

/**
 * Wakes the engine for targets. The queue only wakes: a wake-up that is stale, early or duplicated
 * finds nothing to claim. Call it after the transaction that scheduled the targets has committed,
 * never inside it.
 */
@Injectable()
export class DeliveryScheduler {
  constructor(@InjectQueue(PUBLISH_QUEUE) private readonly queue: Queue<PublishJobData>) {}

  async wake(targets: WakeTarget[]): Promise<void> {
    if (targets.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(
      targets.map((target) => ({
        name: PUBLISH_JOB,
        data: { targetId: target.id, version: target.version },
        opts: {
          jobId: publishJobId(target.id, target.version),
          delay: Math.max(0, target.dueAt.getTime() - now),
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }

  /** Removes a stale wake-up if it is still waiting. Best effort: a stale wake-up claims nothing anyway. */
  async forget(targetId: string, version: number): Promise<void> {
    const job = await this.queue.getJob(publishJobId(targetId, version));
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await job.remove().catch(() => undefined);
  }

  /** True when a wake-up for this target and version waits or runs (the sweeper's question). */
  async hasLiveWakeUp(targetId: string, version: number): Promise<boolean> {
    const job = await this.queue.getJob(publishJobId(targetId, version));
    if (!job) return false;
    const state = await job.getState();
    return state === 'delayed' || state === 'waiting' || state === 'prioritized' || state === 'active' || state === 'waiting-children';
  }
}
