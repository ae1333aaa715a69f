import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { Principal, WorkspaceAccess } from '../auth/auth-context';
import { Access, CurrentPrincipal, SignedIn, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody } from '../core/http';
import { changeRoleSchema, createWorkspaceSchema, holdSchema, updateWorkspaceSchema } from './workspaces.schemas';
import { WorkspacesService } from './workspaces.service';
import { memberListView, resumePreviewView, resumeSummaryView, workspaceView } from './workspace-views';

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
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createWorkspaceSchema) body: z.infer<typeof createWorkspaceSchema>,
  ) {
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
  @ApiOperation({
    summary:
      'Change name, slug, time zone, locale, self-approval, or whether any workspace may invite this one to a joint campaign',
  })
  @ApiZodBody(updateWorkspaceSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, workspaceView)
  update(
    @Access() access: WorkspaceAccess,
    @ZodBody(updateWorkspaceSchema) body: z.infer<typeof updateWorkspaceSchema>,
  ) {
    return this.workspaces.update(access, body);
  }

  @Post('workspaces/:workspace/hold')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Crisis hold: nothing of this workspace publishes until resumed (optional automatic resume time)',
  })
  @ApiZodBody(holdSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, workspaceView)
  hold(@Access() access: WorkspaceAccess, @ZodBody(holdSchema) body: z.infer<typeof holdSchema>) {
    return this.workspaces.hold(access, body.reason, body.resumeAt);
  }

  @Post('workspaces/:workspace/resume')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Lift the hold; deliveries whose time passed follow their campaign's late policy (publish late or expire)",
  })
  @ApiErrors(409)
  @ApiZodResponse(200, resumeSummaryView)
  resume(@Access() access: WorkspaceAccess) {
    return this.workspaces.resume(access);
  }

  @Get('workspaces/:workspace/resume-preview')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary:
      'Dry run of resume: which held deliveries would publish late and which would expire now (the same rule as resume)',
  })
  @ApiZodResponse(200, resumePreviewView)
  resumePreview(@Access() access: WorkspaceAccess) {
    return this.workspaces.previewResume(access);
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
  async changeRole(
    @Access() access: WorkspaceAccess,
    @Param('memberId') memberId: string,
    @ZodBody(changeRoleSchema) body: z.infer<typeof changeRoleSchema>,
  ) {
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
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave this workspace (the last OWNER cannot)' })
  @ApiErrors(409)
  @ApiNoContent()
  async leave(@Access() access: WorkspaceAccess) {
    await this.workspaces.removeMember(access, access.userId);
  }
}
