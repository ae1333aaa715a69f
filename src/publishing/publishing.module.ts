import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { NotifierModule } from '../notifications/notifications.module';
import { PublishersModule } from '../publishers';
import { ClaimRepository } from './claim.repository';
import { DeliveryScheduler } from './delivery-scheduler';
import { HoldResumeRepository } from './hold-resume.repository';
import { HoldResumeService } from './hold-resume.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceTasks } from './maintenance-tasks';
import { MetricsController } from './metrics.controller';
import { PublishingMetrics } from './metrics';
import { OtherDeliveriesRepository } from './other-deliveries.repository';
import { OutcomeRepository } from './outcome.repository';
import { PublishEngine } from './publish-engine';
import { PublishProcessor } from './publish.processor';
import { RateBudgetChecker } from './rate-budget';
import { RateBudgetRepository } from './rate-budget.repository';
import { SweeperRepository } from './sweeper.repository';
import { SweeperService } from './sweeper.service';
import { TargetActionsRepository } from './target-actions.repository';
import { TargetActionsService } from './target-actions.service';
import { TargetsController } from './targets.controller';

const SERVICES = [
  DeliveryScheduler,
  ClaimRepository,
  OutcomeRepository,
  OtherDeliveriesRepository,
  PublishEngine,
  HoldResumeService,
  HoldResumeRepository,
  SweeperService,
  SweeperRepository,
  TargetActionsService,
  TargetActionsRepository,
  RateBudgetChecker,
  RateBudgetRepository,
  PublishingMetrics,
  MaintenanceTasks,
];

/** The engine's services, for the API (approve -> wake, resume, human actions) and the worker. */
@Module({
  imports: [PublishersModule, MediaModule, NotifierModule],
  providers: SERVICES,
  exports: [...SERVICES, NotifierModule],
})
export class PublishingModule {}

/** The worker side: queue processors and the sweeper's job scheduler. */
@Module({
  imports: [PublishingModule],
  providers: [PublishProcessor, MaintenanceProcessor],
})
export class PublishingWorkerModule {}

/** The API side: Prometheus metrics and people's actions on deliveries. */
@Module({
  imports: [PublishingModule],
  controllers: [MetricsController, TargetsController],
})
export class PublishingApiModule {}
