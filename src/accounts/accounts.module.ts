import { Module } from '@nestjs/common';
import { PublishersModule } from '../publishers';
import { PublishingModule } from '../publishing';
import { AccountVerifier } from './account-verifier';
import { AccountsController } from './accounts.controller';
import { AccountsRepository } from './accounts.repository';
import { AccountsService } from './accounts.service';
import { AccountHealthScheduler } from './health/account-health.scheduler';
import { AccountHealthRepository } from './health/account-health.repository';
import { AccountHealthService } from './health/account-health.service';
import { MastodonAppsStore } from './oauth/mastodon-apps.store';
import { OAuthController } from './oauth/oauth.controller';
import { OAuthFlows } from './oauth/oauth-flows';
import { OAuthStateStore } from './oauth/oauth-state.store';
import { OAuthRepository } from './oauth/oauth.repository';
import { OAuthService } from './oauth/oauth.service';
import { PlatformsController } from './platforms.controller';

/** Connected accounts (the API): forms, OAuth flows, reconnect, disconnect. */
@Module({
  imports: [PublishingModule, PublishersModule],
  controllers: [AccountsController, OAuthController, PlatformsController],
  providers: [
    AccountsService,
    AccountsRepository,
    AccountVerifier,
    OAuthService,
    OAuthRepository,
    OAuthFlows,
    OAuthStateStore,
    MastodonAppsStore,
  ],
  exports: [AccountsService, AccountsRepository],
})
export class AccountsModule {}

/** Account health (the worker): token refresh and daily credential checks on the maintenance queue. */
@Module({
  imports: [PublishingModule, PublishersModule],
  providers: [AccountHealthService, AccountHealthRepository, AccountHealthScheduler],
  exports: [AccountHealthService],
})
export class AccountsWorkerModule {}
