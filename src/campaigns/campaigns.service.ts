import { Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { Notifier } from '../notifications/notifier';
import { HoldResumeService, type ResumePreview, type ResumeSummary } from '../publishing';
import type { CampaignView } from './campaign-views';
import { CampaignsRepository } from './campaigns.repository';
import { CAMPAIGN_TEXT } from './campaigns.messages';
import type { CreateCampaign, UpdateCampaign } from './campaigns.schemas';

const toDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(value);

@Injectable()
export class CampaignsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly campaigns: CampaignsRepository,
    private readonly audit: AuditService,
    private readonly holds: HoldResumeService,
    private readonly notices: Notifier,
  ) {}

  async create(access: WorkspaceAccess, input: CreateCampaign) {
    return this.prisma.$transaction(async (tx) => {
      const campaign = await this.campaigns.create(tx, access.workspaceId, {
        ...input,
        timeZone: input.timeZone ?? access.timeZone,
        startsAt: toDate(input.startsAt),
        endsAt: toDate(input.endsAt),
      });
      await this.record(tx, access, 'campaign.created', campaign.id, { after: input });
      return present(campaign, access.workspaceId);
    });
  }

  async get(access: WorkspaceAccess, campaignId: string) {
    const campaign = await this.campaigns.findVisible(access.workspaceId, campaignId);
    if (!campaign) throw AppError.notFound(CAMPAIGN_TEXT.campaign);
    return present(campaign, access.workspaceId);
  }

  async list(
    access: WorkspaceAccess,
    query: { include: 'active' | 'archived' | 'all'; limit: number; after?: string },
  ) {
    const rows = await this.campaigns.list(access.workspaceId, query);
    return {
      campaigns: rows.map((row) => present(row, access.workspaceId)),
      nextAfter: rows.length === query.limit ? rows[rows.length - 1]!.id : null,
    };
  }

  async update(access: WorkspaceAccess, campaignId: string, changes: UpdateCampaign) {
    return this.prisma.$transaction(async (tx) => {
      const before = await this.lockOwned(tx, access, campaignId);
      const startsAt = changes.startsAt !== undefined ? toDate(changes.startsAt) : before.startsAt;
      const endsAt = changes.endsAt !== undefined ? toDate(changes.endsAt) : before.endsAt;
      if (startsAt && endsAt && endsAt <= startsAt)
        throw AppError.unprocessable('ends_before_start', CAMPAIGN_TEXT.endsBeforeStart);
      const after = await this.campaigns.update(tx, access.workspaceId, campaignId, {
        ...changes,
        startsAt: toDate(changes.startsAt),
        endsAt: toDate(changes.endsAt),
      });
      await this.record(tx, access, 'campaign.updated', campaignId, { after: changes });
      return present(after, access.workspaceId);
    });
  }

  async setArchived(access: WorkspaceAccess, campaignId: string, archived: boolean) {
    return this.prisma.$transaction(async (tx) => {
      await this.lockOwned(tx, access, campaignId);
      const after = await this.campaigns.update(tx, access.workspaceId, campaignId, {
        archivedAt: archived ? new Date() : null,
      });
      await this.record(tx, access, archived ? 'campaign.archived' : 'campaign.unarchived', campaignId);
      return present(after, access.workspaceId);
    });
  }

  /** Crisis hold of a campaign (joint: every partner's posts in it): nothing publishes until resumed. */
  async hold(access: WorkspaceAccess, campaignId: string, reason: string, resumeAt?: string) {
    const told: string[] = [];
    const held = await this.prisma.$transaction(async (tx) => {
      const campaign = await this.lockOwned(tx, access, campaignId);
      if (campaign.heldAt) throw AppError.conflict('already_held', CAMPAIGN_TEXT.alreadyHeld);
      const after = await this.campaigns.update(tx, access.workspaceId, campaignId, {
        heldAt: new Date(),
        holdReason: reason,
        holdResumeAt: resumeAt ? new Date(resumeAt) : null,
        heldById: access.userId,
      });
      await this.record(tx, access, 'campaign.held', campaignId, { reason, resumeAt: resumeAt ?? null });
      told.push(
        ...(await this.notices.campaignHold(tx, access.workspaceId, access.userId, campaignId, {
          reason,
          resumeAt: resumeAt ?? null,
        })),
      );
      return present(after, access.workspaceId);
    });
    await this.notices.dispatch(told);
    return held;
  }

  async resume(access: WorkspaceAccess, campaignId: string): Promise<ResumeSummary> {
    const told: string[] = [];
    await this.prisma.$transaction(async (tx) => {
      const campaign = await this.lockOwned(tx, access, campaignId);
      if (!campaign.heldAt) throw AppError.conflict('not_held', CAMPAIGN_TEXT.notHeld);
      await this.campaigns.update(tx, access.workspaceId, campaignId, {
        heldAt: null,
        holdReason: null,
        holdResumeAt: null,
        heldById: null,
      });
      await this.record(tx, access, 'campaign.resumed', campaignId);
      told.push(...(await this.notices.campaignHold(tx, access.workspaceId, access.userId, campaignId, null)));
    });
    await this.notices.dispatch(told);
    return this.holds.resumeAfterHold({ campaignId });
  }

  /** A dry run of resume: owner only (as resume), then what the resume would do now. */
  async previewResume(access: WorkspaceAccess, campaignId: string): Promise<ResumePreview & { held: boolean }> {
    const campaign = await this.campaigns.findVisible(access.workspaceId, campaignId);
    if (!campaign) throw AppError.notFound(CAMPAIGN_TEXT.campaign);
    if (campaign.workspaceId !== access.workspaceId)
      throw AppError.forbidden('campaign_owner_only', CAMPAIGN_TEXT.ownerOnly);
    // A read answers, never 409: not held means resuming would change nothing.
    if (!campaign.heldAt) return { held: false, publish: [], expire: [] };
    return { held: true, ...(await this.holds.preview({ campaignId })) };
  }

  /** Locks a campaign for a change by its owner workspace; 403 for a partner (who can see it). */
  async lockOwned(tx: Tx, access: WorkspaceAccess, campaignId: string) {
    const campaign = await this.campaigns.lockOwned(tx, access.workspaceId, campaignId);
    // Visible (the guard checked) but not ours: a partner's coordinator is reading a joint campaign.
    if (!campaign) throw AppError.forbidden('campaign_owner_only', CAMPAIGN_TEXT.ownerOnly);
    return campaign;
  }

  private record(tx: Tx, access: WorkspaceAccess, action: string, campaignId: string, summary: object = {}) {
    return this.audit.record(tx, {
      workspaceId: access.workspaceId,
      actor: accessActor(access),
      action,
      subjectType: 'campaign',
      subjectId: campaignId,
      summary: auditJson(summary),
    });
  }
}

type CampaignWithPartners = NonNullable<Awaited<ReturnType<CampaignsRepository['findVisible']>>>;

/** A campaign as the API shows it, with the caller's relation to it. */
function present(campaign: CampaignWithPartners, workspaceId: string): CampaignView {
  const { partners, workspace, ...fields } = campaign;
  return {
    ...fields,
    owner: workspace,
    relation: campaign.workspaceId === workspaceId ? ('owner' as const) : ('partner' as const),
    held: campaign.heldAt !== null,
    partners: partners.map((p) => ({
      id: p.id,
      workspace: p.workspace,
      status: p.status,
      invitedAt: p.invitedAt,
      respondedAt: p.respondedAt,
    })),
  };
}
