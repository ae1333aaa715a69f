import { z } from 'zod';
import { Platform } from '../core/database';
import { zDeliveryState, zPlatform, zPostStatus, zTimestamp } from '../core/http';
import type { Locale } from '../core/i18n';
import { presentIssues, type AccountIssues } from './content';
import { displayStateOf, zDisplayState } from './display-state';
import type { PostWithTargets } from './posts.repository';

/** A content problem of one target (too long, missing media...), in the caller's language. */
const contentIssueView = z
  .object({
    code: z.string(),
    message: z.string().meta({ description: "Names the platform and account, in the caller's language" }),
  })
  .meta({ id: 'ContentIssue' });

/** One target's content issues, addressed by account, in the order the user gave the targets. */
const accountIssuesView = z
  .object({
    index: z.int().meta({ description: 'Position of the target in the request (or in the post) from 0' }),
    accountId: z.string(),
    accountName: z.string(),
    platform: zPlatform,
    issues: z.array(contentIssueView).meta({ description: 'Problems that block submission' }),
    warnings: z.array(contentIssueView).meta({
      description: 'Worth fixing, not blocking (images without alt text when the workspace only recommends it)',
    }),
  })
  .meta({ id: 'AccountIssues' });

const postTargetView = z
  .object({
    id: z.string(),
    accountId: z.string(),
    platform: zPlatform,
    accountName: z.string(),
    text: z.string().nullable().meta({ description: 'Per-platform text; null uses the base text' }),
    state: zDeliveryState,
    dueAt: zTimestamp.nullable(),
    externalUrl: z.string().nullable(),
    publishedAt: zTimestamp.nullable(),
    lateSeconds: z
      .int()
      .nullable()
      .meta({ description: 'How late the delivery went out after its due time, in seconds' }),
    lastError: z.string().nullable(),
    issues: z.array(contentIssueView),
    warnings: z.array(contentIssueView),
  })
  .meta({ id: 'PostTarget' });

/** What the reader may do with the post now, by the very rules the action routes apply. */
const postActionsView = z
  .object({
    submit: z.boolean(),
    approve: z.boolean().meta({
      description:
        'False for the author and for editors of this version unless the workspace allows self-approval (four eyes)',
    }),
    requestChanges: z.boolean(),
    edit: z.boolean().meta({ description: 'False once a delivery started (published, publishing, unconfirmed)' }),
    withdraw: z.boolean(),
    cancel: z.boolean(),
  })
  .meta({
    id: 'PostActions',
    description: 'What the reader may do with the post now; the routes still decide (content issues, a passed time)',
  });

export type PostActions = z.output<typeof postActionsView>;

/**
 * A post as the API shows it: targets in the user's order with their delivery state, the state
 * people read (displayState, from status and deliveries), and the content issues per target,
 * addressed by account, in the caller's language.
 */
export const postView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    campaign: z.object({ id: z.string(), name: z.string(), color: z.string() }).nullable(),
    authorId: z.string(),
    title: z.string().nullable(),
    baseText: z.string(),
    scheduledAt: zTimestamp.nullable(),
    scheduleZone: z.string().nullable().meta({ description: 'The IANA zone the time was planned in' }),
    publishNow: z.boolean().meta({ description: 'Publish as soon as approved, instead of at a time' }),
    statement: z
      .boolean()
      .meta({ description: 'A rapid-response statement: publishes to every target when a second person releases it' }),
    notAfter: zTimestamp.nullable().meta({ description: 'Do not publish after this instant' }),
    status: zPostStatus,
    displayState: zDisplayState,
    version: z.int(),
    approvedVersion: z.int().nullable(),
    approvedById: z.string().nullable(),
    mediaIds: z.array(z.string()),
    targets: z.array(postTargetView),
    issues: z
      .array(accountIssuesView)
      .meta({ description: "Every target's issues in the order of the targets (empty lists when fine)" }),
    actions: postActionsView,
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
  })
  .meta({ id: 'Post' });

export type PostView = z.output<typeof postView>;

export const postPageView = z
  .object({
    posts: z.array(postView),
    nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }),
  })
  .meta({ id: 'PostPage' });

/** The answer of a dry run: what create or update would store for time, and the issues per target. */
export const postCheckView = z
  .object({
    submittable: z.boolean().meta({ description: 'True when the result could be submitted for review as it is' }),
    timePassed: z
      .boolean()
      .meta({ description: 'The time (kept from before) has passed: submitting needs a new time or "publish now"' }),
    publishNow: z.boolean(),
    scheduledAt: zTimestamp.nullable(),
    scheduleZone: z.string().nullable(),
    notAfter: zTimestamp.nullable(),
    issues: z.array(accountIssuesView),
  })
  .meta({ id: 'PostCheck' });

export function presentPost(
  post: PostWithTargets,
  locale: Locale,
  actions: PostActions,
  issues: AccountIssues[] = [],
): PostView {
  const presented = presentIssues(issues, locale);
  const byTarget = new Map(presented.map((entry, i) => [issues[i]!.targetId, entry]));
  return {
    id: post.id,
    workspaceId: post.workspaceId,
    campaign: post.campaign ? { id: post.campaign.id, name: post.campaign.name, color: post.campaign.color } : null,
    authorId: post.authorId,
    title: post.title,
    baseText: post.baseText,
    scheduledAt: post.scheduledAt,
    scheduleZone: post.scheduleZone,
    publishNow: post.publishNow,
    statement: post.statement,
    notAfter: post.notAfter,
    status: post.status,
    displayState: displayStateOf(
      post.status,
      post.targets.map((t) => t.state),
    ),
    version: post.version,
    approvedVersion: post.approvedVersion,
    approvedById: post.approvedById,
    mediaIds: post.media.map((m) => m.mediaId),
    targets: post.targets.map((target) => ({
      id: target.id,
      accountId: target.accountId,
      platform: target.account.platform as Platform,
      accountName: target.account.displayName,
      text: target.text,
      state: target.state,
      dueAt: target.dueAt,
      externalUrl: target.externalUrl,
      publishedAt: target.publishedAt,
      lateSeconds: target.lateSeconds,
      lastError: target.lastError,
      issues: byTarget.get(target.id)?.issues ?? [],
      warnings: byTarget.get(target.id)?.warnings ?? [],
    })),
    issues: presented,
    actions,
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}
