import { z } from 'zod';
import { Platform } from '../core/database';
import { zDeliveryState, zPlatform, zPostStatus, zTimestamp } from '../core/http';
import type { Locale } from '../core/i18n';
import type { TargetIssues } from './content';
import type { PostWithTargets } from './posts.repository';

/** A content problem of one target (too long, missing media...), in the caller's language. */
export const contentIssueView = z.object({ code: z.string(), message: z.string() }).meta({ id: 'ContentIssue' });

export const postTargetView = z
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
    lastError: z.string().nullable(),
    issues: z.array(contentIssueView),
  })
  .meta({ id: 'PostTarget' });

/** A post as the API shows it: targets with their delivery state, issues in the caller's language. */
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
    notAfter: zTimestamp.nullable().meta({ description: 'Do not publish after this instant' }),
    status: zPostStatus,
    version: z.int(),
    approvedVersion: z.int().nullable(),
    approvedById: z.string().nullable(),
    mediaIds: z.array(z.string()),
    targets: z.array(postTargetView),
    createdAt: zTimestamp,
    updatedAt: zTimestamp,
  })
  .meta({ id: 'Post' });

export type PostView = z.output<typeof postView>;

export const postPageView = z
  .object({ posts: z.array(postView), nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }) })
  .meta({ id: 'PostPage' });

export function presentPost(post: PostWithTargets, locale: Locale, issues: TargetIssues[] = []): PostView {
  return {
    id: post.id,
    workspaceId: post.workspaceId,
    campaign: post.campaign ? { id: post.campaign.id, name: post.campaign.name, color: post.campaign.color } : null,
    authorId: post.authorId,
    title: post.title,
    baseText: post.baseText,
    scheduledAt: post.scheduledAt,
    scheduleZone: post.scheduleZone,
    notAfter: post.notAfter,
    status: post.status,
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
      lastError: target.lastError,
      issues: (issues.find((i) => i.targetId === target.id)?.issues ?? []).map((issue) => ({ code: issue.code, message: issue.message[locale] })),
    })),
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}
