import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ExpensiveAnonymous } from '../auth/anonymous-throttle';
import type { GaungRequest, Principal, WorkspaceAccess } from '../auth/auth-context';
import { Access, CurrentPrincipal, SignedIn, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ZodBody } from '../core/http';
import { InvitationsService } from './invitations.service';
import { acceptNewSchema, acceptSchema, inviteSchema } from './workspaces.schemas';

@ApiTags('workspaces')
@Controller()
export class InvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @Post('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Invite by email; without SMTP the one-time link is returned to you' })
  @ApiZodBody(inviteSchema)
  @ApiErrors(400, 409)
  invite(@Access() access: WorkspaceAccess, @ZodBody(inviteSchema) body: z.infer<typeof inviteSchema>) {
    return this.service.invite(access, body.email, body.role);
  }

  @Get('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Open invitations' })
  invitations(@Access() access: WorkspaceAccess) {
    return this.service.invitations(access);
  }

  @Delete('workspaces/:workspace/invitations/:invitationId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an open invitation' })
  async revokeInvitation(@Access() access: WorkspaceAccess, @Param('invitationId') invitationId: string) {
    await this.service.revokeInvitation(access, invitationId);
  }

  @Post('invitations/accept')
  @SignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation addressed to my email (single use)' })
  @ApiZodBody(acceptSchema)
  @ApiErrors(400, 403, 422)
  accept(@CurrentPrincipal() principal: Principal, @ZodBody(acceptSchema) body: z.infer<typeof acceptSchema>) {
    return this.service.acceptAsUser(principal, body.token);
  }

  @Post('invitations/accept-new')
  @ExpensiveAnonymous()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation by creating an account for its email; signs in' })
  @ApiZodBody(acceptNewSchema)
  @ApiErrors(400, 401, 422)
  acceptNew(@ZodBody(acceptNewSchema) body: z.infer<typeof acceptNewSchema>, @Req() req: GaungRequest) {
    return this.service.acceptAsNewUser(body.token, body, { ip: req.ip ?? 'unknown', userAgent: req.header('user-agent') });
  }
}
