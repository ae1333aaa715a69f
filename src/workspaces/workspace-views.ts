import { z } from 'zod';
import { LatePolicy } from '../core/database';
import { zPlatform, zRole, zTimestamp } from '../core/http';

/** A crisis hold of a workspace or a campaign (all null when not held). */
export const holdFields = {
  heldAt: zTimestamp.nullable(),
  holdReason: z.string().nullable(),
  holdResumeAt: zTimestamp.nullable().meta({ description: 'Automatic resume time, if any' }),
  heldById: z.string().nullable(),
};

/** Images without alt text: REQUIRED blocks submission of the post, RECOMMENDED only warns. */
export const zAltTextPolicy = z.enum(['REQUIRED', 'RECOMMENDED']).meta({
  id: 'AltTextPolicy',
  description: 'Images without alt text: REQUIRED blocks submitting the post, RECOMMENDED (default) only warns',
});

/** A workspace as other views mention it. */
export const workspaceRefView = z
  .object({ id: z.string(), slug: z.string(), name: z.string() })
  .meta({ id: 'WorkspaceRef' });

export const workspaceView = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    timeZone: z.string(),
    locale: z.string(),
    allowSelfApproval: z.boolean(),
    openToPartnerInvitations: z
      .boolean()
      .meta({ description: 'Any workspace may invite this one to a joint campaign by slug' }),
    altTextPolicy: zAltTextPolicy,
    ...holdFields,
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
  })
  .meta({ id: 'Workspace' });

/** What lifting a hold did to the deliveries it held (see the campaign's late policy). */
export const resumeSummaryView = z.object({ rescheduled: z.int(), expired: z.int() }).meta({ id: 'ResumeSummary' });

const resumeOutcomeView = z
  .object({
    targetId: z.string(),
    postId: z.string(),
    workspaceId: z.string().meta({ description: "The post's workspace (a partner's, in a joint campaign)" }),
    title: z.string().nullable(),
    text: z.string().meta({ description: 'The first 140 characters of the base text' }),
    accountName: z.string(),
    platform: zPlatform,
    dueAt: zTimestamp.nullable(),
    lateMinutes: z.int().meta({ description: 'How late it would be now, in whole minutes' }),
    policy: z.enum([...Object.values(LatePolicy), 'NO_CAMPAIGN']).meta({
      description: "The late policy that decides: the campaign's, or the 5-minute grace of posts without a campaign",
    }),
  })
  .meta({ id: 'ResumeOutcome' });

export const resumePreviewView = z
  .object({
    held: z.boolean().meta({
      description: 'False when nothing is held: resuming would change nothing (and the resume route answers 409)',
    }),
    publish: z
      .array(resumeOutcomeView)
      .meta({ description: 'Held deliveries that would publish at once (late, within the grace)' }),
    expire: z.array(resumeOutcomeView).meta({ description: 'Held deliveries that would expire' }),
  })
  .meta({
    id: 'ResumePreview',
    description: 'A dry run of a resume now: the same rule as the resume, nothing written',
  });

const memberView = z
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

const invitationView = z
  .object({
    id: z.string(),
    email: z.string(),
    role: zRole,
    createdAt: zTimestamp,
    expiresAt: zTimestamp,
    invitedById: z.string(),
  })
  .meta({ id: 'Invitation' });

export const invitationAcceptedView = z
  .object({ workspace: z.object({ slug: z.string(), name: z.string() }), role: zRole })
  .meta({ id: 'InvitationAccepted' });

export const memberListView = z.array(memberView);

export const invitationListView = z.array(invitationView);
