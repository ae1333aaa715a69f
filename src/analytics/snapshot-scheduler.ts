import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { MetricStage } from '../core/database';
import { METRICS_QUEUE } from './metrics-queue';
import { SNAPSHOT_JOB, snapshotJobId, type SnapshotJobData } from './snapshot-plan';
import { SnapshotRepository } from './snapshot.repository';

const JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 1000 };

/** Enqueues snapshot jobs: the planned ones the database says are due, and on-demand ones. */
@Injectable()
export class SnapshotScheduler {
  constructor(
    @InjectQueue(METRICS_QUEUE) private readonly queue: Queue,
    private readonly snapshots: SnapshotRepository,
  ) {}

  /** One planning run; returns how many snapshots it enqueued. */
  async planDue(now = new Date()): Promise<number> {
    const due = await this.snapshots.due(now);
    await this.queue.addBulk(due.map(({ targetId, stage }) => this.job(targetId, stage, now.getTime())));
    return due.length;
  }

  async onDemand(targetId: string, now = Date.now()): Promise<void> {
    const job = this.job(targetId, 'ON_DEMAND', now);
    await this.queue.add(job.name, job.data, job.opts);
  }

  private job(targetId: string, stage: MetricStage, now: number) {
    const data: SnapshotJobData = { targetId, stage };
    return { name: SNAPSHOT_JOB, data, opts: { ...JOB_OPTIONS, jobId: snapshotJobId(targetId, stage, now) } };
  }
}
