import { type DynamicModule, Module, type Type } from '@nestjs/common';
import type { AppConfig } from './core/config';
import { CoreModule } from './core/core.module';
import { AccountsModule, AccountsWorkerModule } from './accounts/accounts.module';
import { AnalyticsApiModule, AnalyticsWorkerModule } from './analytics/analytics.module';
import { AuditApiModule, AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { DemoModule } from './demo/demo.module';
import { HealthModule } from './health/health.module';
import { MediaApiModule } from './media/media.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PostsModule } from './posts/posts.module';
import { ReviewModule } from './review/review.module';
import { FeedModule } from './publishers/feed/feed.module';
import { TelegramApiModule, TelegramWorkerModule } from './telegram/telegram.module';
import { PublishingApiModule, PublishingWorkerModule, QueueBoardModule } from './publishing';
import { WebAppModule } from './web-app/web-app.module';
import { WorkspacesModule } from './workspaces/workspaces.module';

export type Role = 'api' | 'worker';

/** Modules that serve HTTP. */
const API_MODULES: Type[] = [
  HealthModule,
  AuthModule,
  AuditApiModule,
  WorkspacesModule,
  CampaignsModule,
  PostsModule,
  ReviewModule,
  CalendarModule,
  MediaApiModule,
  PublishingApiModule,
  FeedModule,
  AccountsModule,
  NotificationsModule,
  TelegramApiModule,
  AnalyticsApiModule,
];
/** Modules that run queue processors and schedulers. */
const WORKER_MODULES: Type[] = [
  PublishingWorkerModule,
  AccountsWorkerModule,
  AnalyticsWorkerModule,
  TelegramWorkerModule,
];

/** One composition root: the API, the worker, or both in one process, over the same shared modules. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, roles: Role[]): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        AuditModule,
        ...(roles.includes('api') ? [...API_MODULES, WebAppModule.forRoot(config)] : []),
        ...(roles.includes('worker') ? WORKER_MODULES : []),
        ...(roles.includes('api') && config.NODE_ENV === 'development' ? [DemoModule] : []),
        ...(roles.includes('api') && config.OPERATOR_TOKEN
          ? [QueueBoardModule.forOperators(config.OPERATOR_TOKEN)]
          : []),
      ],
    };
  }
}
