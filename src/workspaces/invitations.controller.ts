import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ExpensiveAnonymous } from '../auth/anonymous-throttle';
import type { GaungRequest, Principal, WorkspaceAccess } from '../auth/auth-context';
import { Access, CurrentPrincipal, SignedIn, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { signInView } from '../auth/auth-views';
import { BrowserSession } from '../auth/browser-session';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody } from '../core/http';
import { InvitationsService } from './invitations.service';
import { invitationAcceptedView, invitationCreatedView, invitationListView } from './workspace-views';
import { acceptNewSchema, acceptSchema, inviteSchema } from './workspaces.schemas';

@ApiTags('workspaces')
@Controller()
export class InvitationsController {
  constructor(
    private readonly service: InvitationsService,
    private readonly browser: BrowserSession,
  ) {}

  @Post('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Invite by email; without SMTP the one-time link is returned to you' })
  @ApiZodBody(inviteSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(201, invitationCreatedView)
  invite(@Access() access: WorkspaceAccess, @ZodBody(inviteSchema) body: z.infer<typeof inviteSchema>) {
    return this.service.invite(access, body.email, body.role);
  }

  @Get('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Open invitations' })
  @ApiZodResponse(200, invitationListView)
  invitations(@Access() access: WorkspaceAccess) {
    return this.service.invitations(access);
  }

  @Delete('workspaces/:workspace/invitations/:invitationId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an open invitation' })
  @ApiNoContent()
  async revokeInvitation(@Access() access: WorkspaceAccess, @Param('invitationId') invitationId: string) {
    await this.service.revokeInvitation(access, invitationId);
  }

  @Post('invitations/accept')
  @SignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation addressed to my email (single use)' })
  @ApiZodBody(acceptSchema)
  @ApiErrors(400, 403, 422)
  @ApiZodResponse(200, invitationAcceptedView)
  accept(@CurrentPrincipal() principal: Principal, @ZodBody(acceptSchema) body: z.infer<typeof acceptSchema>) {
    return this.service.acceptAsUser(principal, body.token);
  }

  @Post('invitations/accept-new')
  @ExpensiveAnonymous()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Accept an invitation by creating an account for its email; signs in',
    description:
      'Like POST /auth/login: a bearer session token, or with `session: "cookie"` the browser-session cookies and who signed in.',
  })
  @ApiZodBody(acceptNewSchema)
  @ApiErrors(400, 401, 422)
  @ApiZodResponse(200, signInView, 'Joined and signed in: a bearer token, or (session "cookie") who signed in')
  async acceptNew(
    @ZodBody(acceptNewSchema) body: z.infer<typeof acceptNewSchema>,
    @Req() req: GaungRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    const client = { ip: req.ip ?? 'unknown', userAgent: req.header('user-agent') };
    if (body.session === 'bearer') return this.service.acceptAsNewUser(body.token, body, client);
    const { session, user } = await this.service.acceptAsNewBrowserUser(body.token, body, client);
    this.browser.issue(res, session.token, session.expiresAt);
    return { user, expiresAt: session.expiresAt };
  }
}
