import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse, zNotificationKind, ZodBody, ZodQuery, zUuid } from '../core/http';
import { NotificationsService } from './notifications.service';
import { notificationPageView, webhookCreatedView, webhookListView } from './notification-views';

const listSchema = z
  .object({
    include: z.enum(['open', 'all']).default('open'),
    kind: zNotificationKind.optional(),
    before: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

const webhookSchema = z
  .object({
    url: z.url({ protocol: /^https?$/ }).max(1000),
    events: z.array(zNotificationKind).min(1).max(10),
  })
  .strict();

@ApiTags('notifications')
@Controller('workspaces/:workspace')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'What needs attention: failed, unconfirmed or expired deliveries, accounts to reconnect, posts not approved in time' })
  @ApiZodQuery(listSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, notificationPageView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listSchema) query: z.infer<typeof listSchema>) {
    return this.notifications.list(access, query);
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
  @ApiOperation({ summary: 'Outgoing notification webhooks (signed with HMAC-SHA256, header X-Gaung-Signature: t=...,v1=...)' })
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
