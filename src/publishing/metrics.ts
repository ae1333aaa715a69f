import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The engine's Prometheus metrics in a registry of this application instance (not prom-client's
 * global one), so several instances in one process (tests) never collide.
 */
@Injectable()
export class PublishingMetrics {
  readonly registry = new Registry();
  readonly lateness = new Histogram({
    name: 'gaung_publish_lateness_seconds',
    help: "Seconds between a target's due time and the platform call (first attempt)",
    labelNames: ['platform'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 15, 60, 300],
    registers: [this.registry],
  });
  readonly outcomes = new Counter({
    name: 'gaung_publish_outcomes_total',
    help: 'Platform calls by platform and outcome kind',
    labelNames: ['platform', 'outcome'],
    registers: [this.registry],
  });
  readonly publishedLate = new Counter({
    name: 'gaung_published_late_total',
    help: 'Deliveries published more than LATE_AFTER_SECONDS after their time',
    labelNames: ['platform'],
    registers: [this.registry],
  });
  readonly sweeperRepairs = new Counter({
    name: 'gaung_sweeper_repairs_total',
    help: 'Repairs made by the sweeper, by kind',
    labelNames: ['repair'],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'gaung_queue_jobs',
    help: 'Jobs in a queue by state (sampled at scrape time)',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'gaung_' });
  }
}
