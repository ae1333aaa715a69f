import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import {
  ApiErrors,
  ApiNoContent,
  ApiZodBody,
  ApiZodQuery,
  ApiZodResponse,
  zNotificationKind,
  ZodBody,
  ZodQuery,
  zUuid,
} from '../core/http';
import { ATTENTION_KINDS } from './catalog';
import { NotificationsService } from './notifications.service';
import {
  markedReadView,
  myNotificationPageView,
  notificationPageView,
  unreadCountView,
  webhookCreatedView,
  webhookListView,
} from './notification-views';

const listSchema = z
  .object({
    include: z.enum(['open', 'all']).default('open'),
    kind: zNotificationKind.optional(),
    before: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const mineSchema = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    before: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();

/** Webhooks carry what the engine and account checks find; people's review and hold events stay in the app. */
const zWebhookEvent = zNotificationKind.extract(ATTENTION_KINDS);

const webhookSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(1000),
    events: z.array(zWebhookEvent).min(1).max(10),
  })
  .strict();

@ApiTags('notifications')
@Controller('workspaces/:workspace')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "What needs attention in the workspace (failed, unconfirmed, expired or late deliveries, accounts to reconnect, posts not approved in time), open or all, rendered in the caller's language",
  })
  @ApiZodQuery(listSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, notificationPageView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listSchema) query: z.infer<typeof listSchema>) {
    return this.notifications.list(access, query);
  }

  // Literal paths come before ':notificationId' ones; each user sees and marks only their own.
  @Get('notifications/mine')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary: "The caller's own notifications in this workspace, newest first (?unread=true for unread only)",
  })
  @ApiZodQuery(mineSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, myNotificationPageView)
  mine(@Access() access: WorkspaceAccess, @ZodQuery(mineSchema) query: z.infer<typeof mineSchema>) {
    return this.notifications.mine(access, query);
  }

  @Get('notifications/unread-count')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: "How many of the caller's notifications in this workspace are unread (the bell)" })
  @ApiZodResponse(200, unreadCountView)
  unreadCount(@Access() access: WorkspaceAccess) {
    return this.notifications.unreadCount(access);
  }

  @Post('notifications/read-all')
  @WorkspaceRoute(Role.VIEWER)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Mark all the caller's notifications in this workspace as read" })
  @ApiZodResponse(200, markedReadView)
  markAllRead(@Access() access: WorkspaceAccess) {
    return this.notifications.markAllRead(access);
  }

  @Post('notifications/:notificationId/read')
  @WorkspaceRoute(Role.VIEWER)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Mark one of the caller's notifications as read" })
  @ApiErrors(404)
  @ApiNoContent()
  async markRead(@Access() access: WorkspaceAccess, @Param('notificationId') notificationId: string) {
    await this.notifications.markRead(access, notificationId);
  }

  @Post('notifications/:notificationId/resolve')
  @WorkspaceRoute(Role.EDITOR)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Mark a notification as handled' })
  @ApiErrors(409)
  @ApiNoContent()
  async resolve(@Access() access: WorkspaceAccess, @Param('notificationId') notificationId: string) {
    await this.notifications.resolve(access, notificationId);
  }

  @Get('webhooks')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary: 'Outgoing notification webhooks (signed with HMAC-SHA256, header X-Gaung-Signature: t=...,v1=...)',
  })
  @ApiZodResponse(200, webhookListView)
  webhooks(@Access() access: WorkspaceAccess) {
    return this.notifications.webhooks(access);
  }

  @Post('webhooks')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Add an outgoing webhook for some notification kinds; its signing secret is shown once' })
  @ApiZodBody(webhookSchema)
  @ApiErrors(400)
  @ApiZodResponse(201, webhookCreatedView)
  addWebhook(@Access() access: WorkspaceAccess, @ZodBody(webhookSchema) body: z.infer<typeof webhookSchema>) {
    return this.notifications.addWebhook(access, body);
  }

  @Delete('webhooks/:webhookId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an outgoing webhook' })
  @ApiNoContent()
  async removeWebhook(@Access() access: WorkspaceAccess, @Param('webhookId') webhookId: string) {
    await this.notifications.removeWebhook(access, webhookId);
  }
}
