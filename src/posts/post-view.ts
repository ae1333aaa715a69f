import type { Platform } from '../core/database';
import type { Locale } from '../core/i18n';
import { presentIssues, type AccountIssues } from './content';
import { displayStateOf } from './display-state';
import type { PostWithTargets } from './posts.repository';

/**
 * A post as the API shows it: targets in the user's order with their delivery state, the state
 * people read (displayState, from status and deliveries), and the content issues per target,
 * addressed by account, in the caller's language.
 */
export function presentPost(post: PostWithTargets, locale: Locale, issues: AccountIssues[] = []) {
  const issuesByTarget = new Map(presentIssues(issues, locale).map((entry, i) => [issues[i]!.targetId, entry.issues]));
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
    notAfter: post.notAfter,
    status: post.status,
    displayState: displayStateOf(post.status, post.targets.map((t) => t.state)),
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
      issues: issuesByTarget.get(target.id) ?? [],
    })),
    /** Every target's issues in the order the user gave the targets (empty lists when fine). */
    issues: presentIssues(issues, locale),
    createdAt: post.createdAt,
    updatedAt: post.updatedAt,
  };
}
