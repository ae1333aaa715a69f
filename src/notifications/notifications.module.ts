import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { DeliveryNotices, Notifier } from './notifier';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { MailChannel } from './mail-channel';
import { DigestChannel } from './digest-channel';
import { DigestRepository } from './digest.repository';
import { PreferencesController } from './preferences.controller';
import { PreferencesRepository } from './preferences.repository';
import { TelegramBotApi } from './telegram/bot-api';
import { BotTokens } from './telegram/bot-tokens';
import { CardMessages } from './telegram/card-messages';
import { CardMessagesRepository } from './telegram/card-messages.repository';
import { TelegramChannel } from './telegram/telegram-channel';
import { TelegramRepository } from './telegram/telegram.repository';

const TELEGRAM = [TelegramBotApi, BotTokens, TelegramRepository, CardMessagesRepository, CardMessages, TelegramChannel];
const WRITERS = [
  NotificationsRepository,
  WebhookEndpointsRepository,
  PreferencesRepository,
  DigestRepository,
  DigestChannel,
  MailChannel,
  ...TELEGRAM,
  Notifier,
  { provide: DeliveryNotices, useExisting: Notifier },
  WebhookDeliveryService,
];

/** Writing notifications and delivering their webhooks: imported by every feature that tells people something. */
@Module({ providers: WRITERS, exports: WRITERS })
export class NotifierModule {}

/** The API: lists, read state, resolve, webhooks, each person's notification choices. */
@Module({
  imports: [NotifierModule],
  controllers: [NotificationsController, PreferencesController],
  providers: [NotificationsService],
})
export class NotificationsModule {}
