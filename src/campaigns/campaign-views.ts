import { z } from 'zod';
import { zLatePolicy, zPartnershipStatus, zTimestamp } from '../core/http';
import { holdFields, workspaceRefView } from '../workspaces/workspace-views';

const campaignPartnerView = z
  .object({
    id: z.string(),
    workspace: workspaceRefView,
    status: zPartnershipStatus,
    invitedAt: zTimestamp,
    respondedAt: zTimestamp.nullable(),
  })
  .meta({ id: 'CampaignPartner' });

/** A campaign as the API shows it, with the caller's relation to it (owner or partner). */
export const campaignView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    owner: workspaceRefView,
    relation: z.enum(['owner', 'partner']),
    name: z.string(),
    goal: z.string().nullable(),
    keyMessages: z.array(z.string()),
    hashtags: z.array(z.string()),
    color: z.string(),
    startsAt: zTimestamp.nullable(),
    endsAt: zTimestamp.nullable(),
    timeZone: z.string(),
    latePolicy: zLatePolicy,
    lateGraceMinutes: z.int(),
    archivedAt: zTimestamp.nullable(),
    held: z.boolean(),
    ...holdFields,
    partners: z.array(campaignPartnerView),
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
  })
  .meta({ id: 'Campaign' });

export type CampaignView = z.output<typeof campaignView>;

export const campaignPageView = z
  .object({
    campaigns: z.array(campaignView),
    nextAfter: z.string().nullable().meta({ description: 'Pass as ?after= for the next page' }),
  })
  .meta({ id: 'CampaignPage' });

export const partnerInvitedView = z
  .object({ id: z.string(), workspace: workspaceRefView, status: zPartnershipStatus })
  .meta({ id: 'PartnerInvited' });

/** A joint campaign this workspace is invited to or part of. */
const partnershipView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    campaignId: z.string(),
    status: zPartnershipStatus,
    invitedById: z.string(),
    invitedAt: zTimestamp,
    respondedById: z.string().nullable(),
    respondedAt: zTimestamp.nullable(),
    leftAt: zTimestamp.nullable(),
    campaign: z.object({
      id: z.string(),
      name: z.string(),
      color: z.string(),
      startsAt: zTimestamp.nullable(),
      endsAt: zTimestamp.nullable(),
      workspace: z.object({ slug: z.string(), name: z.string() }),
    }),
  })
  .meta({ id: 'Partnership' });

export const cancelledDeliveriesView = z
  .object({ cancelledDeliveries: z.int() })
  .meta({ id: 'CancelledDeliveries', description: 'How many pending deliveries were cancelled' });

export const partnershipListView = z.array(partnershipView);
