import { Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { roleAtLeast } from '../auth/roles';
import { PrismaService, Role, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { RateLimiter } from '../core/queue';
import { Notifier } from '../notifications/notifier';
import { DeliveryScheduler, staleWakeUps } from '../publishing';
import { CampaignsRepository } from './campaigns.repository';
import { CampaignsService } from './campaigns.service';
import { CAMPAIGN_TEXT } from './campaigns.messages';

/** Partnership invitations one workspace may send per hour, answered or not (slugs cannot be swept). */
const INVITATIONS_PER_HOUR = 20;

/** Joint campaigns: the owner's coordinators invite partner workspaces; the partner's accept, decline or leave. */
@Injectable()
export class PartnershipsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly campaigns: CampaignsRepository,
    private readonly owned: CampaignsService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly notices: Notifier,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  /**
   * The owner's coordinator invites another workspace by slug. Only a workspace the inviter may
   * address is found: one open to partnership invitations, a past or present partner, or one the
   * inviter belongs to. Any other slug, existing or not, gets the same answer (docs/security.md, 12).
   */
  async invite(access: WorkspaceAccess, campaignId: string, partnerKey: string) {
    const verdict = await this.limiter.hit(
      ['partner-invitations', access.workspaceId],
      INVITATIONS_PER_HOUR,
      3_600_000,
    );
    if (!verdict.allowed) {
      throw AppError.tooManyRequests(
        'partner_invitations_rate_limited',
        CAMPAIGN_TEXT.tooManyPartnerInvitations,
        verdict.retryAfterSeconds,
        {
          minutes: Math.ceil(verdict.retryAfterSeconds / 60),
        },
      );
    }
    const told: string[] = [];
    const invited = await this.prisma.$transaction(async (tx) => {
      await this.owned.lockOwned(tx, access, campaignId);
      if (partnerKey === access.workspaceSlug || partnerKey === access.workspaceId)
        throw AppError.unprocessable('self_partner', CAMPAIGN_TEXT.selfPartner);
      const partner = await this.campaigns.findAddressableWorkspace(access.workspaceId, access.userId, partnerKey);
      if (!partner) throw AppError.unprocessable('partner_unknown', CAMPAIGN_TEXT.partnerUnknown, { slug: partnerKey });
      const existing = await this.campaigns.findPartnership(tx, partner.id, campaignId);
      if (existing && (existing.status === 'INVITED' || existing.status === 'ACTIVE')) {
        throw AppError.conflict('already_partner', CAMPAIGN_TEXT.alreadyPartner, { slug: partner.slug });
      }
      const partnership = await this.campaigns.upsertInvitation(tx, campaignId, partner.id, access.userId);
      await this.record(tx, access, { type: 'campaign', id: campaignId }, 'partnership.invited', {
        partner: partner.slug,
        partnershipId: partnership.id,
      });
      await this.audit.record(tx, {
        workspaceId: partner.id,
        actor: accessActor(access),
        action: 'partnership.invited',
        subjectType: 'partnership',
        subjectId: partnership.id,
        summary: { campaignId, by: access.workspaceSlug },
      });
      told.push(...(await this.notices.partnerInvited(tx, access.workspaceId, partner.id, campaignId)));
      return { id: partnership.id, workspace: partner, status: partnership.status };
    });
    await this.notices.dispatch(told);
    return invited;
  }

  list(access: WorkspaceAccess) {
    return this.campaigns.listPartnerships(access.workspaceId);
  }

  /**
   * The partner's coordinator accepts or declines. Accepting checks the invitation against its
   * inviter's current rights: it does not outlive their removal or demotion (docs/security.md, 9).
   */
  async respond(access: WorkspaceAccess, partnershipId: string, accept: boolean) {
    await this.prisma.$transaction(async (tx) => {
      if (accept) {
        const inviterRole = await this.campaigns.inviterRoleOf(tx, access.workspaceId, partnershipId);
        if (inviterRole !== undefined && !(inviterRole && roleAtLeast(inviterRole, Role.COORDINATOR))) {
          throw AppError.unprocessable('partnership_inviter_lost_rights', CAMPAIGN_TEXT.partnershipInviterLostRights);
        }
      }
      const moved = await this.campaigns.transition(tx, access.workspaceId, partnershipId, 'INVITED', {
        status: accept ? 'ACTIVE' : 'DECLINED',
        respondedById: access.userId,
        respondedAt: new Date(),
      });
      if (!moved) throw AppError.conflict('partnership_not_open', CAMPAIGN_TEXT.partnershipNotOpen);
      await this.record(
        tx,
        access,
        { type: 'partnership', id: partnershipId },
        accept ? 'partnership.accepted' : 'partnership.declined',
      );
    });
  }

  /** What leaving would cancel: this workspace's deliveries in the campaign not yet made (the dialog lists them). */
  async pendingOnLeave(access: WorkspaceAccess, partnershipId: string) {
    const partnership = await this.campaigns.findPartnershipById(access.workspaceId, partnershipId);
    if (!partnership) throw AppError.notFound(CAMPAIGN_TEXT.partnership);
    return this.campaigns.pendingDeliveriesOnLeave(access.workspaceId, partnership.campaignId);
  }

  /**
   * A partner leaves: its deliveries in the campaign that have not happened are cancelled. Then
   * their wake-ups are forgotten, as a disconnect, an edit or a cancel forgets them (staleWakeUps).
   */
  async leave(access: WorkspaceAccess, partnershipId: string) {
    const { result, stale } = await this.prisma.$transaction(async (tx) => {
      const partnership = await this.campaigns.findPartnershipById(access.workspaceId, partnershipId, tx);
      if (!partnership) throw AppError.notFound(CAMPAIGN_TEXT.partnership);
      const moved = await this.campaigns.transition(tx, access.workspaceId, partnershipId, 'ACTIVE', {
        status: 'LEFT',
        leftAt: new Date(),
      });
      if (!moved) throw AppError.conflict('partnership_not_active', CAMPAIGN_TEXT.partnershipNotActive);
      const cancelled = await this.campaigns.cancelPendingDeliveries(tx, access.workspaceId, partnership.campaignId);
      await this.record(tx, access, { type: 'partnership', id: partnershipId }, 'partnership.left', {
        campaignId: partnership.campaignId,
        cancelledDeliveries: cancelled.length,
      });
      return {
        result: { cancelledDeliveries: cancelled.length },
        stale: staleWakeUps(
          cancelled,
          cancelled.map((target) => ({ ...target, state: 'CANCELLED' })),
        ),
      };
    });
    await Promise.all(stale.map((w) => this.scheduler.forget(w.id, w.version)));
    return result;
  }

  private record(
    tx: Tx,
    access: WorkspaceAccess,
    subject: { type: 'campaign' | 'partnership'; id: string },
    action: string,
    summary: object = {},
  ) {
    return this.audit.record(tx, {
      workspaceId: access.workspaceId,
      actor: accessActor(access),
      action,
      subjectType: subject.type,
      subjectId: subject.id,
      summary: auditJson(summary),
    });
  }
}
