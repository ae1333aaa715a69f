import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { PublishersModule } from '../publishers';
import { PublishingModule } from '../publishing';
import { AnalyticsController } from './analytics.controller';
import { METRICS_QUEUE } from './metrics-queue';
import { ReportRowsRepository } from './report-rows.repository';
import { ReportTotalsRepository } from './report-totals.repository';
import { ReportsService } from './reports.service';
import { SnapshotCollector } from './snapshot-collector';
import { SnapshotProcessor } from './snapshot.processor';
import { SnapshotRepository } from './snapshot.repository';
import { SnapshotScheduler } from './snapshot-scheduler';

const SERVICES = [
  SnapshotRepository,
  SnapshotScheduler,
  SnapshotCollector,
  ReportRowsRepository,
  ReportTotalsRepository,
  ReportsService,
];
const METRICS_QUEUE_MODULE = BullModule.registerQueue({ name: METRICS_QUEUE });

/** Reach and engagement (docs/analytics.md): snapshots, reports, best time. */
@Module({
  imports: [METRICS_QUEUE_MODULE, PublishersModule, PublishingModule],
  providers: SERVICES,
  exports: [...SERVICES, METRICS_QUEUE_MODULE],
})
export class AnalyticsModule {}

/** The worker side: planning runs and snapshot jobs. */
@Module({
  imports: [AnalyticsModule],
  providers: [SnapshotProcessor],
})
export class AnalyticsWorkerModule {}

/** The API side: reports, best time, series and on-demand snapshots. */
@Module({
  imports: [AnalyticsModule],
  controllers: [AnalyticsController],
})
export class AnalyticsApiModule {}
