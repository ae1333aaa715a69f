import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { PostsModule } from '../posts/posts.module';
import { PublishingModule } from '../publishing';
import { ReviewModule } from '../review/review.module';
import { WorkspacesModule } from '../workspaces/workspaces.module';
import { ChatActors } from './chat-actors';
import { ChatReviewService } from './chat-review.service';
import { TelegramController } from './telegram.controller';
import { TelegramPoller } from './telegram-poller';
import { TelegramSetupService } from './telegram-setup.service';
import { TelegramUpdatesService } from './telegram-updates.service';
import { TelegramWebhookController } from './telegram-webhook.controller';

const SERVICES = [ChatActors, ChatReviewService, TelegramUpdatesService, TelegramSetupService];

/**
 * Telegram's inbound side (docs/notifications.md, "Telegram"): connecting the bot, linking chats, and
 * acting on what people send it, through the same services as the app. Sending is the notification
 * channel's (src/notifications/telegram).
 */
@Module({
  imports: [PublishingModule, PostsModule, ReviewModule, WorkspacesModule],
  providers: SERVICES,
  exports: [...SERVICES, PublishingModule],
})
export class TelegramModule {}

/** The API: the bot and link routes, and the webhook Telegram calls. */
@Module({ imports: [TelegramModule], controllers: [TelegramController, TelegramWebhookController] })
export class TelegramApiModule {}

/**
 * The worker: long polling, when the deployment receives updates that way. The review and workspace
 * services it acts through stand on the auth module, which a worker alone does not otherwise load.
 */
@Module({ imports: [AuthModule, TelegramModule], providers: [TelegramPoller] })
export class TelegramWorkerModule {}
