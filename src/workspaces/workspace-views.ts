import { z } from 'zod';
import { zRole, zTimestamp } from '../core/http';

/** A crisis hold of a workspace or a campaign (all null when not held). */
export const holdFields = {
  heldAt: zTimestamp.nullable(),
  holdReason: z.string().nullable(),
  holdResumeAt: zTimestamp.nullable().meta({ description: 'Automatic resume time, if any' }),
  heldById: z.string().nullable(),
};

/** A workspace as other views mention it. */
export const workspaceRefView = z.object({ id: z.string(), slug: z.string(), name: z.string() }).meta({ id: 'WorkspaceRef' });

export const workspaceView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    allowSelfApproval: z.boolean(),
    openToPartnerInvitations: z.boolean().meta({ description: 'Any workspace may invite this one to a joint campaign by slug' }),
    ...holdFields,
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
  })
  .meta({ id: 'Workspace' });

/** What lifting a hold did to the deliveries it held (see the campaign's late policy). */
export const resumeSummaryView = z
  .object({ rescheduled: z.int(), expired: z.int() })
  .meta({ id: 'ResumeSummary' });

export const memberView = z
  .object({ userId: z.string(), email: z.string(), name: z.string(), role: zRole, since: zTimestamp })
  .meta({ id: 'Member' });

export const invitationCreatedView = z
  .object({
    id: z.string(),
    email: z.string(),
    role: zRole,
    expiresAt: zTimestamp,
    mailed: z.boolean(),
    inviteUrl: z.string().optional().meta({ description: 'The one-time link, returned only when it was not mailed' }),
  })
  .meta({ id: 'InvitationCreated' });

export const invitationView = z
  .object({ id: z.string(), email: z.string(), role: zRole, createdAt: zTimestamp, expiresAt: zTimestamp, invitedById: z.string() })
  .meta({ id: 'Invitation' });

export const invitationAcceptedView = z
  .object({ workspace: z.object({ slug: z.string(), name: z.string() }), role: zRole })
  .meta({ id: 'InvitationAccepted' });

export const memberListView = z.array(memberView);

export const invitationListView = z.array(invitationView);
