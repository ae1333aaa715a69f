import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashToken } from '../core/crypto';
import { AppError } from '../core/errors';
import { UUID_PATTERN } from '../auth/object-scopes';
import type { TelegramUpdate } from '../notifications/telegram/bot-api';
import { TelegramRepository } from '../notifications/telegram/telegram.repository';
import { TelegramUpdatesService } from './telegram-updates.service';

/** Telegram's header on every webhook call: the secret_token given to setWebhook. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/**
 * Where Telegram delivers a bot's updates (TELEGRAM_UPDATES=webhook). Only a call carrying the
 * bot's secret is acted on; anything else answers 401 whether or not the bot exists.
 */
@ApiExcludeController()
@Controller('telegram/webhook')
export class TelegramWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: TelegramRepository,
    private readonly updates: TelegramUpdatesService,
  ) {}

  @Post(':botId')
  @HttpCode(HttpStatus.OK)
  async receive(
    @Param('botId') botId: string,
    @Headers(TELEGRAM_SECRET_HEADER) secret: string | undefined,
    @Body() body: unknown,
  ): Promise<{ ok: true }> {
    const bot =
      this.config.TELEGRAM_UPDATES === 'webhook' && UUID_PATTERN.test(botId)
        ? await this.repository.botById(botId)
        : null;
    if (!bot?.webhookSecretHash || !secret || !sameHash(hashToken(secret), bot.webhookSecretHash))
      throw AppError.unauthorized('telegram_secret_invalid');
    const update = (typeof body === 'object' && body !== null ? body : {}) as TelegramUpdate;
    await this.updates.handle(bot, update);
    return { ok: true };
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
