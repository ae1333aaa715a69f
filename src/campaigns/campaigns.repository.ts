import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type Tx } from '../core/database';
import { cancelPendingDeliveries, pendingDeliveries } from '../publishing';

/** Campaigns a workspace can see: its own, and joint ones where it is an active partner. */
const visibleTo = (workspaceId: string): Prisma.CampaignWhereInput => ({
  OR: [{ workspaceId }, { partners: { some: { workspaceId, status: 'ACTIVE' } } }],
});

const withPartners = {
  partners: { include: { workspace: { select: { id: true, slug: true, name: true } } } },
  workspace: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.CampaignInclude;

/** The leaving workspace's own deliveries in the joint campaign. */
const leaverDeliveries = (workspaceId: string, campaignId: string) => ({ workspaceId, post: { campaignId } });

@Injectable()
export class CampaignsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(tx: Tx, workspaceId: string, data: Omit<Prisma.CampaignUncheckedCreateInput, 'workspaceId'>) {
    return tx.campaign.create({ data: { ...data, workspaceId }, include: withPartners });
  }

  findVisible(workspaceId: string, campaignId: string) {
    return this.prisma.campaign.findFirst({
      where: { id: campaignId, ...visibleTo(workspaceId) },
      include: withPartners,
    });
  }

  /** Locks the campaign row for a change by its owner workspace; null when not the owner's. */
  async lockOwned(tx: Tx, workspaceId: string, campaignId: string) {
    await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaignId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return tx.campaign.findFirst({ where: { id: campaignId, workspaceId } });
  }

  update(tx: Tx, workspaceId: string, campaignId: string, data: Prisma.CampaignUncheckedUpdateInput) {
    return tx.campaign.update({ where: { id: campaignId, workspaceId }, data, include: withPartners });
  }

  list(workspaceId: string, query: { include: 'active' | 'archived' | 'all'; limit: number; after?: string }) {
    return this.prisma.campaign.findMany({
      where: {
        AND: [
          visibleTo(workspaceId),
          query.include === 'active'
            ? { archivedAt: null }
            : query.include === 'archived'
              ? { archivedAt: { not: null } }
              : {},
          query.after ? { id: { gt: query.after } } : {},
        ],
      },
      include: withPartners,
      orderBy: { id: 'asc' },
      take: query.limit,
    });
  }

  /**
   * The workspace named by `key` (slug or id) if the inviting workspace and user may address it:
   * it is open to partnership invitations, has been a partner with the inviter's workspace (either
   * way round), or the user belongs to it. Null otherwise, whether or not it exists.
   */
  findAddressableWorkspace(inviterWorkspaceId: string, userId: string, key: string) {
    const partnered = { in: ['ACTIVE', 'LEFT'] as Array<'ACTIVE' | 'LEFT'> };
    return this.prisma.workspace.findFirst({
      where: {
        ...(/^[0-9a-f-]{36}$/i.test(key) ? { id: key } : { slug: key }),
        OR: [
          { openToPartnerInvitations: true },
          { memberships: { some: { userId } } },
          { partnerships: { some: { status: partnered, campaign: { workspaceId: inviterWorkspaceId } } } },
          { campaigns: { some: { partners: { some: { workspaceId: inviterWorkspaceId, status: partnered } } } } },
        ],
      },
      select: { id: true, slug: true, name: true },
    });
  }

  /** The current role of whoever sent this workspace's partnership invitation, in the inviting workspace: null when no longer a member, undefined when no such partnership. */
  async inviterRoleOf(tx: Tx, workspaceId: string, partnershipId: string) {
    const partnership = await tx.campaignPartner.findFirst({
      where: { id: partnershipId, workspaceId },
      select: { invitedById: true, campaign: { select: { workspaceId: true } } },
    });
    if (!partnership) return undefined;
    const membership = await tx.membership.findUnique({
      where: { workspaceId_userId: { workspaceId: partnership.campaign.workspaceId, userId: partnership.invitedById } },
      select: { role: true },
    });
    return membership?.role ?? null;
  }

  findPartnership(tx: Tx, workspaceId: string, campaignId: string) {
    return tx.campaignPartner.findUnique({ where: { campaignId_workspaceId: { campaignId, workspaceId } } });
  }

  upsertInvitation(tx: Tx, campaignId: string, workspaceId: string, invitedById: string) {
    return tx.campaignPartner.upsert({
      where: { campaignId_workspaceId: { campaignId, workspaceId } },
      create: { campaignId, workspaceId, invitedById },
      update: {
        status: 'INVITED',
        invitedById,
        invitedAt: new Date(),
        respondedAt: null,
        respondedById: null,
        leftAt: null,
      },
    });
  }

  /** Moves a partnership of this workspace from one status to another; false when it was not in `from`. */
  async transition(
    tx: Tx,
    workspaceId: string,
    partnershipId: string,
    from: 'INVITED' | 'ACTIVE',
    data: Prisma.CampaignPartnerUncheckedUpdateInput,
  ) {
    const { count } = await tx.campaignPartner.updateMany({
      where: { id: partnershipId, workspaceId, status: from },
      data,
    });
    return count === 1;
  }

  /** In `db` when given (a caller's transaction). */
  findPartnershipById(workspaceId: string, partnershipId: string, db: Tx = this.prisma) {
    return db.campaignPartner.findFirst({ where: { id: partnershipId, workspaceId } });
  }

  listPartnerships(workspaceId: string) {
    return this.prisma.campaignPartner.findMany({
      where: { workspaceId, status: { in: ['INVITED', 'ACTIVE'] } },
      include: {
        campaign: {
          select: {
            id: true,
            name: true,
            color: true,
            startsAt: true,
            endsAt: true,
            workspace: { select: { slug: true, name: true } },
          },
        },
      },
      orderBy: { invitedAt: 'desc' },
    });
  }

  /** The leaver's deliveries in the campaign not yet made become CANCELLED; returned as they were (stale wake-ups). */
  cancelPendingDeliveries(tx: Tx, workspaceId: string, campaignId: string) {
    return cancelPendingDeliveries(tx, leaverDeliveries(workspaceId, campaignId));
  }

  /** What leaving would cancel, listed with the same condition the leave cancels with. */
  pendingDeliveriesOnLeave(workspaceId: string, campaignId: string) {
    return pendingDeliveries(this.prisma, leaverDeliveries(workspaceId, campaignId));
  }
}
