import type { LatePolicy, Prisma } from '../core/database';
import { isPublishable } from './publishable';

/** Posts without a campaign have no late policy: they publish late only within this grace, else expire. */
export const NO_CAMPAIGN_GRACE_MINUTES = 5;

export type ResumeScope = { workspaceId: string } | { campaignId: string } | { accountId: string };

/** What a held delivery needs for the decision (and what a preview shows of it). */
export const heldTargetSelect = {
  id: true,
  version: true,
  attempts: true,
  dueAt: true,
  workspaceId: true,
  account: { select: { displayName: true, platform: true } },
  post: {
    select: {
      id: true,
      title: true,
      baseText: true,
      status: true,
      approvedVersion: true,
      notAfter: true,
      campaign: { select: { latePolicy: true, lateGraceMinutes: true } },
    },
  },
} satisfies Prisma.PostTargetSelect;

export type HeldTarget = Prisma.PostTargetGetPayload<{ select: typeof heldTargetSelect }>;

/**
 * The HELD deliveries a resume of `scope` brings back: approved posts, account ACTIVE, no other hold
 * left on them. `lifted` is true for a preview: the scope's own hold counts as lifted already.
 */
export function heldTargetsWhere(scope: ResumeScope, lifted = false): Prisma.PostTargetWhereInput {
  const workspaceFree = lifted && 'workspaceId' in scope ? {} : { workspace: { heldAt: null } };
  const post: Prisma.PostWhereInput =
    'campaignId' in scope
      ? { status: 'APPROVED', campaignId: scope.campaignId, ...(lifted ? {} : { campaign: { heldAt: null } }) }
      : { status: 'APPROVED', OR: [{ campaignId: null }, { campaign: { heldAt: null } }] };
  return {
    state: 'HELD',
    ...workspaceFree,
    account: { status: 'ACTIVE' },
    post,
    ...('workspaceId' in scope ? { workspaceId: scope.workspaceId } : {}),
    ...('accountId' in scope ? { accountId: scope.accountId } : {}),
  };
}

export interface ResumeDecision {
  /** False: the delivery expires. */
  publish: boolean;
  lateMinutes: number;
  policy: LatePolicy | 'NO_CAMPAIGN';
}

/**
 * The one rule for a held delivery whose hold is lifted at `now` (architecture.md, publishing 7):
 * on time, or late within the campaign's grace under PUBLISH_LATE (5 minutes without a campaign),
 * publishes; anything else expires. A passed "do not publish after" expires too (the claim would).
 * Null when the delivery is not at its post's approved version (a stale row nothing resumes).
 */
export function resumeDecision(target: HeldTarget, now: Date): ResumeDecision | null {
  if (!isPublishable(target.post, target.version)) return null;
  const dueAt = target.dueAt ?? now;
  const lateMinutes = (now.getTime() - dueAt.getTime()) / 60_000;
  const campaign = target.post.campaign;
  const withinGrace =
    lateMinutes <= 0 ||
    (campaign
      ? campaign.latePolicy === 'PUBLISH_LATE' && lateMinutes <= campaign.lateGraceMinutes
      : lateMinutes <= NO_CAMPAIGN_GRACE_MINUTES);
  const notAfterPassed = target.post.notAfter !== null && target.post.notAfter <= now;
  return {
    publish: withinGrace && !notAfterPassed,
    lateMinutes: Math.max(0, Math.round(lateMinutes)),
    policy: campaign ? campaign.latePolicy : 'NO_CAMPAIGN',
  };
}
