import type { Platform } from '../core/database';
import type { Locale } from '../core/i18n';
import type { TargetIssues } from './content';
import type { PostWithTargets } from './posts.repository';

/** A post as the API shows it: targets with their delivery state, issues in the caller's language. */
export function presentPost(post: PostWithTargets, locale: Locale, issues: TargetIssues[] = []) {
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
      lateSeconds: target.lateSeconds,
      lastError: target.lastError,
      issues: (issues.find((i) => i.targetId === target.id)?.issues ?? []).map((issue) => ({ code: issue.code, message: issue.message[locale] })),
    })),
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}
