import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody } from '../core/http';
import { TelegramSetupService } from './telegram-setup.service';
import { inputMessage } from '../core/i18n';

// Messages "id|en": the one exception filter shows each language (core/errors/zod-issues.ts).
const connectSchema = z
  .object({
    token: z
      .string()
      .trim()
      .max(100)
      .regex(
        /^\d{1,20}:[A-Za-z0-9_-]{30,}$/,
        inputMessage({
          id: 'Token bot tampak seperti 123456:ABC-... (dari @BotFather).',
          en: 'A bot token looks like 123456:ABC-... (from @BotFather).',
        }),
      ),
  })
  .strict();

const botView = z
  .object({
    username: z.string(),
    url: z.string().meta({ description: 'https://t.me/<bot>' }),
    updates: z.enum(['webhook', 'polling']).meta({ description: "How this deployment receives the bot's updates" }),
    connectedAt: z.string(),
  })
  .meta({ id: 'TelegramBot' });

const botStatusView = z.object({ bot: botView.nullable() }).meta({ id: 'TelegramBotStatus' });

const linkStatusView = z
  .object({
    bot: z
      .object({ username: z.string(), url: z.string() })
      .nullable()
      .meta({ description: "The workspace's notification bot; null: none connected" }),
    linked: z.object({ telegramUsername: z.string().nullable(), linkedAt: z.string() }).nullable(),
  })
  .meta({ id: 'TelegramLinkStatus' });

const deepLinkView = z
  .object({
    url: z
      .string()
      .meta({ description: 'https://t.me/<bot>?start=<token>: open it and press Start (once, before expiresAt)' }),
    botUsername: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'TelegramDeepLink' });

/** The workspace's notification bot (admins) and each member's own link to it. */
@ApiTags('telegram')
@Controller('workspaces/:workspace/telegram')
export class TelegramController {
  constructor(private readonly setup: TelegramSetupService) {}

  @Get('bot')
  @WorkspaceRoute(Role.ADMIN, { apiTokens: false })
  @ApiOperation({ summary: "The workspace's Telegram notification bot (never its token)" })
  @ApiZodResponse(200, botStatusView)
  async bot(@Access() access: WorkspaceAccess) {
    return { bot: await this.setup.bot(access) };
  }

  @Put('bot')
  @WorkspaceRoute(Role.ADMIN, { apiTokens: false })
  @ApiOperation({
    summary:
      'Connect the notification bot (token from @BotFather, checked with Telegram, stored sealed); replaces the previous bot and its links',
  })
  @ApiZodBody(connectSchema)
  @ApiErrors(400, 422, 503)
  @ApiZodResponse(200, botView)
  connect(@Access() access: WorkspaceAccess, @ZodBody(connectSchema) body: z.infer<typeof connectSchema>) {
    return this.setup.connect(access, body.token);
  }

  @Delete('bot')
  @WorkspaceRoute(Role.ADMIN, { apiTokens: false })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Disconnect the notification bot; every linked chat is unlinked' })
  @ApiNoContent()
  async disconnect(@Access() access: WorkspaceAccess) {
    await this.setup.disconnect(access);
  }

  @Get('link')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @ApiOperation({ summary: 'My Telegram link in this workspace: the bot, and my linked chat if any' })
  @ApiZodResponse(200, linkStatusView)
  link(@Access() access: WorkspaceAccess) {
    return this.setup.link(access);
  }

  @Post('link')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @ApiOperation({ summary: 'A one-time deep link to link my own Telegram chat (expires in 15 minutes)' })
  @ApiErrors(409)
  @ApiZodResponse(201, deepLinkView)
  startLink(@Access() access: WorkspaceAccess, @Body() _body: unknown) {
    return this.setup.startLink(access);
  }

  @Delete('link')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Unlink my Telegram chat (nothing is sent there any more)' })
  @ApiNoContent()
  async unlink(@Access() access: WorkspaceAccess) {
    await this.setup.unlink(access);
  }
}
