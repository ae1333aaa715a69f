import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { GaungRequest, Principal, WorkspaceAccess } from '../auth/auth-context';
import { Access, CurrentPrincipal, SignedIn, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody } from '../core/http';
import { holdSchema } from '../campaigns/campaigns.schemas';
import {
  acceptNewSchema,
  acceptSchema,
  changeRoleSchema,
  createWorkspaceSchema,
  inviteSchema,
  updateWorkspaceSchema,
} from './workspaces.schemas';
import { WorkspacesService } from './workspaces.service';
import { invitationAcceptedView, invitationCreatedView, invitationListView, memberListView, resumeSummaryView, workspaceView } from './workspace-views';
import { sessionTokenView } from '../auth/auth-views';

@ApiTags('workspaces')
@Controller()
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  @Post('workspaces')
  @SignedIn()
  @ApiOperation({ summary: 'Create a workspace; you become its OWNER' })
  @ApiZodBody(createWorkspaceSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(201, workspaceView)
  create(@CurrentPrincipal() principal: Principal, @ZodBody(createWorkspaceSchema) body: z.infer<typeof createWorkspaceSchema>) {
    return this.workspaces.create(principal, body);
  }

  @Get('workspaces/:workspace')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Workspace settings' })
  @ApiZodResponse(200, workspaceView)
  get(@Access() access: WorkspaceAccess) {
    return this.workspaces.get(access);
  }

  @Patch('workspaces/:workspace')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Change name, slug, time zone, locale or self-approval' })
  @ApiZodBody(updateWorkspaceSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, workspaceView)
  update(@Access() access: WorkspaceAccess, @ZodBody(updateWorkspaceSchema) body: z.infer<typeof updateWorkspaceSchema>) {
    return this.workspaces.update(access, body);
  }

  @Post('workspaces/:workspace/hold')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Crisis hold: nothing of this workspace publishes until resumed (optional automatic resume time)' })
  @ApiZodBody(holdSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, workspaceView)
  hold(@Access() access: WorkspaceAccess, @ZodBody(holdSchema) body: z.infer<typeof holdSchema>) {
    return this.workspaces.hold(access, body.reason, body.resumeAt);
  }

  @Post('workspaces/:workspace/resume')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Lift the hold; deliveries whose time passed follow their campaign's late policy (publish late or expire)" })
  @ApiErrors(409)
  @ApiZodResponse(200, resumeSummaryView)
  resume(@Access() access: WorkspaceAccess) {
    return this.workspaces.resume(access);
  }

  @Get('workspaces/:workspace/members')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Members and their roles' })
  @ApiZodResponse(200, memberListView)
  members(@Access() access: WorkspaceAccess) {
    return this.workspaces.members(access);
  }

  @Patch('workspaces/:workspace/members/:memberId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Change a member's role (only an OWNER grants or removes OWNER; the last OWNER stays)" })
  @ApiZodBody(changeRoleSchema)
  @ApiErrors(400, 409)
  @ApiNoContent()
  async changeRole(@Access() access: WorkspaceAccess, @Param('memberId') memberId: string, @ZodBody(changeRoleSchema) body: z.infer<typeof changeRoleSchema>) {
    await this.workspaces.changeRole(access, memberId, body.role);
  }

  @Delete('workspaces/:workspace/members/:memberId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a member' })
  @ApiErrors(409)
  @ApiNoContent()
  async remove(@Access() access: WorkspaceAccess, @Param('memberId') memberId: string) {
    await this.workspaces.removeMember(access, memberId);
  }

  @Post('workspaces/:workspace/leave')
  @WorkspaceRoute(Role.VIEWER)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave this workspace (the last OWNER cannot)' })
  @ApiErrors(409)
  @ApiNoContent()
  async leave(@Access() access: WorkspaceAccess) {
    await this.workspaces.removeMember(access, access.userId);
  }

  @Post('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Invite by email; without SMTP the one-time link is returned to you' })
  @ApiZodBody(inviteSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(201, invitationCreatedView)
  invite(@Access() access: WorkspaceAccess, @ZodBody(inviteSchema) body: z.infer<typeof inviteSchema>) {
    return this.workspaces.invite(access, body.email, body.role);
  }

  @Get('workspaces/:workspace/invitations')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({ summary: 'Open invitations' })
  @ApiZodResponse(200, invitationListView)
  invitations(@Access() access: WorkspaceAccess) {
    return this.workspaces.invitations(access);
  }

  @Delete('workspaces/:workspace/invitations/:invitationId')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke an open invitation' })
  @ApiNoContent()
  async revokeInvitation(@Access() access: WorkspaceAccess, @Param('invitationId') invitationId: string) {
    await this.workspaces.revokeInvitation(access, invitationId);
  }

  @Post('invitations/accept')
  @SignedIn()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation addressed to my email (single use)' })
  @ApiZodBody(acceptSchema)
  @ApiErrors(400, 403, 422)
  @ApiZodResponse(200, invitationAcceptedView)
  accept(@CurrentPrincipal() principal: Principal, @ZodBody(acceptSchema) body: z.infer<typeof acceptSchema>) {
    return this.workspaces.acceptAsUser(principal, body.token);
  }

  @Post('invitations/accept-new')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept an invitation by creating an account for its email; signs in' })
  @ApiZodBody(acceptNewSchema)
  @ApiErrors(400, 401, 422)
  @ApiZodResponse(200, sessionTokenView, 'Joined and signed in')
  acceptNew(@ZodBody(acceptNewSchema) body: z.infer<typeof acceptNewSchema>, @Req() req: GaungRequest) {
    return this.workspaces.acceptAsNewUser(body.token, body, { ip: req.ip ?? 'unknown', userAgent: req.header('user-agent') });
  }
}
