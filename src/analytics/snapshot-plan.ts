import type { MetricStage } from '../core/database';

/** The planned snapshots, by how long after publishing each is due. */
export const PLANNED_STAGES: ReadonlyArray<{ stage: Exclude<MetricStage, 'ON_DEMAND'>; afterSeconds: number }> = [
  { stage: 'H1', afterSeconds: 60 * 60 },
  { stage: 'H24', afterSeconds: 24 * 60 * 60 },
  { stage: 'D7', afterSeconds: 7 * 24 * 60 * 60 },
];

/** A planned snapshot missed by more than this (a worker down for days) is not taken late: its figure would mislead. */
export const CATCH_UP_SECONDS = 2 * 24 * 60 * 60;

/** At most this many snapshots are enqueued per planning run; the next run takes the rest. */
export const PLAN_BATCH = 500;

/** An on-demand snapshot of one delivery is taken at most once per this window. */
const ON_DEMAND_WINDOW_MS = 60_000;

export const SNAPSHOT_JOB = 'snapshot';
export const PLAN_JOB = 'plan';
export const PLAN_SCHEDULER_ID = 'metrics-planner';

/** Job payloads carry ids only. */
export interface SnapshotJobData {
  targetId: string;
  stage: MetricStage;
  /** Counted failed reads before this run (rate-limit waits do not count). */
  attempts?: number;
}

/** One job per delivery and stage (per window for on-demand ones): a second enqueue is a no-op. */
export function snapshotJobId(targetId: string, stage: MetricStage, now = Date.now()): string {
  return stage === 'ON_DEMAND'
    ? `snap-${targetId}-ondemand-${Math.floor(now / ON_DEMAND_WINDOW_MS)}`
    : `snap-${targetId}-${stage.toLowerCase()}`;
}
