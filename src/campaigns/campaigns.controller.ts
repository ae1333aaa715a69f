import { Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodQuery, ApiZodResponse, ZodBody, ZodQuery } from '../core/http';
import { holdSchema } from '../workspaces/workspaces.schemas';
import {
  createCampaignSchema,
  invitePartnerSchema,
  listCampaignsSchema,
  updateCampaignSchema,
} from './campaigns.schemas';
import { CampaignsService } from './campaigns.service';
import { resumePreviewView, resumeSummaryView } from '../workspaces/workspace-views';
import {
  campaignPageView,
  campaignView,
  cancelledDeliveriesView,
  partnerInvitedView,
  partnershipListView,
} from './campaign-views';
import { PartnershipsService } from './partnerships.service';
import { pendingDeliveriesView } from '../publishing';

@ApiTags('campaigns')
@Controller('workspaces/:workspace')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly partnerships: PartnershipsService,
  ) {}

  @Post('campaigns')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'Create a campaign (zone defaults to the workspace zone)' })
  @ApiZodBody(createCampaignSchema)
  @ApiErrors(400)
  @ApiZodResponse(201, campaignView)
  create(@Access() access: WorkspaceAccess, @ZodBody(createCampaignSchema) body: z.infer<typeof createCampaignSchema>) {
    return this.campaigns.create(access, body);
  }

  @Get('campaigns')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Own and joint campaigns; page with ?after=<nextAfter>' })
  @ApiZodQuery(listCampaignsSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, campaignPageView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listCampaignsSchema) query: z.infer<typeof listCampaignsSchema>) {
    return this.campaigns.list(access, query);
  }

  @Get('campaigns/:campaignId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'A campaign (own, or joint where this workspace is an active partner)' })
  @ApiZodResponse(200, campaignView)
  get(@Access() access: WorkspaceAccess, @Param('campaignId') campaignId: string) {
    return this.campaigns.get(access, campaignId);
  }

  @Patch('campaigns/:campaignId')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({ summary: 'Edit a campaign (owner workspace only)' })
  @ApiZodBody(updateCampaignSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, campaignView)
  update(
    @Access() access: WorkspaceAccess,
    @Param('campaignId') campaignId: string,
    @ZodBody(updateCampaignSchema) body: z.infer<typeof updateCampaignSchema>,
  ) {
    return this.campaigns.update(access, campaignId, body);
  }

  @Post('campaigns/:campaignId/archive')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Archive a campaign' })
  @ApiZodResponse(200, campaignView)
  archive(@Access() access: WorkspaceAccess, @Param('campaignId') campaignId: string) {
    return this.campaigns.setArchived(access, campaignId, true);
  }

  @Post('campaigns/:campaignId/unarchive')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bring an archived campaign back' })
  @ApiZodResponse(200, campaignView)
  unarchive(@Access() access: WorkspaceAccess, @Param('campaignId') campaignId: string) {
    return this.campaigns.setArchived(access, campaignId, false);
  }

  @Post('campaigns/:campaignId/hold')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Crisis hold of a campaign (owner workspace): nothing in it publishes until resumed' })
  @ApiZodBody(holdSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(200, campaignView)
  hold(
    @Access() access: WorkspaceAccess,
    @Param('campaignId') campaignId: string,
    @ZodBody(holdSchema) body: z.infer<typeof holdSchema>,
  ) {
    return this.campaigns.hold(access, campaignId, body.reason, body.resumeAt);
  }

  @Post('campaigns/:campaignId/resume')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Lift a campaign hold; deliveries whose time passed follow the campaign's late policy" })
  @ApiErrors(409)
  @ApiZodResponse(200, resumeSummaryView)
  resume(@Access() access: WorkspaceAccess, @Param('campaignId') campaignId: string) {
    return this.campaigns.resume(access, campaignId);
  }

  @Get('campaigns/:campaignId/resume-preview')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({
    summary:
      'Dry run of resume: which held deliveries would publish late and which would expire now (the same rule as resume)',
  })
  @ApiErrors(403)
  @ApiZodResponse(200, resumePreviewView)
  resumePreview(@Access() access: WorkspaceAccess, @Param('campaignId') campaignId: string) {
    return this.campaigns.previewResume(access, campaignId);
  }

  @Post('campaigns/:campaignId/partners')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({
    summary:
      'Invite another workspace (by slug) to this joint campaign: one open to invitations, a past partner, or one you belong to',
  })
  @ApiZodBody(invitePartnerSchema)
  @ApiErrors(400, 409, 422, 429)
  @ApiZodResponse(201, partnerInvitedView)
  invite(
    @Access() access: WorkspaceAccess,
    @Param('campaignId') campaignId: string,
    @ZodBody(invitePartnerSchema) body: z.infer<typeof invitePartnerSchema>,
  ) {
    return this.partnerships.invite(access, campaignId, body.workspace);
  }

  @Get('partnerships')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Joint campaigns this workspace is invited to or part of' })
  @ApiZodResponse(200, partnershipListView)
  listPartnerships(@Access() access: WorkspaceAccess) {
    return this.partnerships.list(access);
  }

  @Post('partnerships/:partnershipId/accept')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Accept an invitation to a joint campaign (refused once its sender is no longer a coordinator)',
  })
  @ApiErrors(409, 422)
  @ApiNoContent()
  async accept(@Access() access: WorkspaceAccess, @Param('partnershipId') partnershipId: string) {
    await this.partnerships.respond(access, partnershipId, true);
  }

  @Post('partnerships/:partnershipId/decline')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Decline an invitation to a joint campaign' })
  @ApiErrors(409)
  @ApiNoContent()
  async decline(@Access() access: WorkspaceAccess, @Param('partnershipId') partnershipId: string) {
    await this.partnerships.respond(access, partnershipId, false);
  }

  @Get('partnerships/:partnershipId/pending-deliveries')
  @WorkspaceRoute(Role.COORDINATOR)
  @ApiOperation({
    summary: "What leaving would cancel: this workspace's deliveries in the joint campaign not yet made, soonest first",
  })
  @ApiErrors(404)
  @ApiZodResponse(200, pendingDeliveriesView)
  pendingOnLeave(@Access() access: WorkspaceAccess, @Param('partnershipId') partnershipId: string) {
    return this.partnerships.pendingOnLeave(access, partnershipId);
  }

  @Post('partnerships/:partnershipId/leave')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Leave a joint campaign; this workspace's pending deliveries in it are cancelled" })
  @ApiErrors(409)
  @ApiZodResponse(200, cancelledDeliveriesView)
  leave(@Access() access: WorkspaceAccess, @Param('partnershipId') partnershipId: string) {
    return this.partnerships.leave(access, partnershipId);
  }
}
