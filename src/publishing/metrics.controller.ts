import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import { ApiContentResponse, ApiErrors, OPERATOR_SCHEME, OperatorGuard } from '../core/http';
import { MAINTENANCE_QUEUE, PUBLISH_QUEUE } from '../core/queue';
import { PublishingMetrics } from './metrics';

const STATES = ['waiting', 'delayed', 'active', 'failed', 'prioritized'] as const;

/** Prometheus text exposition for operators (Bearer OPERATOR_TOKEN). Queue depth is sampled at scrape time. */
@ApiTags('operators')
@Controller('metrics')
@UseGuards(OperatorGuard)
export class MetricsController {
  constructor(
    private readonly metrics: PublishingMetrics,
    @InjectQueue(PUBLISH_QUEUE) private readonly publishQueue: Queue,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly maintenanceQueue: Queue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics for operators (404 unless OPERATOR_TOKEN is set)' })
  @ApiBearerAuth(OPERATOR_SCHEME)
  @ApiContentResponse(200, 'Prometheus text exposition format', ['text/plain'])
  @ApiErrors(401, 404)
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    for (const queue of [this.publishQueue, this.maintenanceQueue]) {
      const counts = await queue.getJobCounts(...STATES);
      for (const state of STATES) this.metrics.queueDepth.set({ queue: queue.name, state }, counts[state] ?? 0);
    }
    return this.metrics.registry.metrics();
  }
}
