import { accessActor } from '../core/audit';
import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ZodBody } from '../core/http';
import { TargetActionsService } from './target-actions.service';

const confirmPublishedSchema = z.object({ url: z.url({ protocol: /^https?$/ }).max(1000) }).strict();

/** What people do about deliveries the engine could not finish: HTTP only, rules in TargetActionsService. */
@ApiTags('deliveries')
@Controller('workspaces/:workspace/targets')
export class TargetsController {
  constructor(private readonly actions: TargetActionsService) {}

  @Post(':targetId/retry')
  @HttpCode(204)
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'Retry a FAILED delivery now, with fresh attempts' })
  @ApiErrors(409)
  @ApiNoContent()
  async retry(@Access() access: WorkspaceAccess, @Param('targetId') targetId: string): Promise<void> {
    await this.actions.retryFailed(access.workspaceId, targetId, accessActor(access));
  }

  @Post(':targetId/publish-again')
  @HttpCode(204)
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'An UNCONFIRMED delivery is not on the platform: publish it again' })
  @ApiErrors(409)
  @ApiNoContent()
  async publishAgain(@Access() access: WorkspaceAccess, @Param('targetId') targetId: string): Promise<void> {
    await this.actions.publishAgain(access.workspaceId, targetId, accessActor(access));
  }

  @Post(':targetId/confirm-published')
  @HttpCode(204)
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'An UNCONFIRMED delivery is on the platform: mark it PUBLISHED with its URL' })
  @ApiZodBody(confirmPublishedSchema)
  @ApiErrors(400, 409)
  @ApiNoContent()
  async confirmPublished(
    @Access() access: WorkspaceAccess,
    @Param('targetId') targetId: string,
    @ZodBody(confirmPublishedSchema) body: z.infer<typeof confirmPublishedSchema>,
  ): Promise<void> {
    await this.actions.confirmPublished(access.workspaceId, targetId, body.url, accessActor(access));
  }
}
