export {
  DeliveryScheduler,
  publishJobId,
  staleWakeUps,
  type PublishJobData,
  type WakeTarget,
} from './delivery-scheduler';
export { markNeedsReconnect } from './account-status';
export { backoffMs, nextStep, type NextStep } from './failure-policy';
export { HoldResumeService, type ResumePreview, type ResumeSummary } from './hold-resume.service';
export { NO_CAMPAIGN_GRACE_MINUTES } from './resume-rule';
export { MaintenanceTasks, type MaintenanceHandler } from './maintenance-tasks';
export { PublishingMetrics } from './metrics';
export { idempotencyKeyFor, PublishEngine } from './publish-engine';
export { PublishingApiModule, PublishingModule, PublishingWorkerModule } from './publishing.module';
export { QUEUE_BOARD_ROUTE, QueueBoardModule } from './queue-board.module';
export { pendingDeliveries, pendingDeliveriesView } from './pending-deliveries';
export { cancelPendingDeliveries, PENDING_DELIVERY_STATES } from './pending-deliveries.repository';
export { RateBudgetChecker, type RateBudgetWarning } from './rate-budget';
export { SweeperService, type SweepReport } from './sweeper.service';
export { TargetActionsService, type Actor } from './target-actions.service';
export { signBody, verifySignature, SIGNATURE_HEADER } from '../core/crypto/webhook-signature';
