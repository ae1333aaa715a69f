import { Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../audit/audit.service';
import type { WorkspaceAccess } from '../auth/auth-context';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { resolveSchedule } from '../calendar/zoned-time';
import { PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { requestContext } from '../core/logging';
import { DeliveryScheduler, staleWakeUps } from '../publishing';
import { PublisherRegistry } from '../publishers';
import { applyReviewActionOrThrow } from '../review/review-machine';
import { validateTargets, validatorFrom, type TargetIssues } from './content';
import { presentPost } from './post-view';
import { POST_TEXT } from './posts.messages';
import { PostsRepository, STARTED_DELIVERY_STATES, type PostWithTargets } from './posts.repository';
import type { CreatePost, UpdatePost } from './posts.schemas';

/** Drafting: create, edit, read. Review transitions live in ReviewService. */
@Injectable()
export class PostsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly posts: PostsRepository,
    private readonly campaigns: CampaignsRepository,
    private readonly registry: PublisherRegistry,
    private readonly scheduler: DeliveryScheduler,
    private readonly audit: AuditService,
  ) {}

  async create(access: WorkspaceAccess, input: CreatePost) {
    const when = await this.checkReferences(access, input);
    const post = await this.prisma.$transaction(async (tx) => {
      const created = await this.posts.create(tx, access.workspaceId, {
        campaignId: input.campaignId ?? null,
        authorId: access.userId,
        title: input.title ?? null,
        baseText: input.baseText,
        scheduledAt: when?.instant ?? null,
        scheduleZone: when?.zone ?? null,
        notAfter: input.notAfter ? new Date(input.notAfter) : null,
        targets: { create: input.targets.map((t) => ({ workspaceId: access.workspaceId, accountId: t.accountId, text: t.text ?? null })) },
      });
      if (input.mediaIds?.length) await this.posts.setMedia(tx, created.id, input.mediaIds);
      await this.record(tx, access, 'post.created', created.id, { version: 1, targets: input.targets.length });
      return created;
    });
    const fresh = (await this.posts.find(access.workspaceId, post.id))!;
    return presentPost(fresh, requestContext.locale(), this.issuesOf(fresh));
  }

  async get(access: WorkspaceAccess, postId: string) {
    const post = await this.posts.find(access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    return presentPost(post, requestContext.locale(), this.issuesOf(post));
  }

  async list(access: WorkspaceAccess, query: Parameters<PostsRepository['list']>[1]) {
    const rows = await this.posts.list(access.workspaceId, query);
    const locale = requestContext.locale();
    return { posts: rows.map((p) => presentPost(p, locale)), nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
  }

  /**
   * Any change of content, targets or time bumps the version and voids an approval (an approved
   * post goes back to review); every delivery returns to PENDING, so old wake-ups claim nothing.
   */
  async update(access: WorkspaceAccess, postId: string, changes: UpdatePost) {
    const when = await this.checkReferences(access, changes);
    const { post, stale } = await this.prisma.$transaction(async (tx) => {
      const before = await this.lockEditable(tx, access, postId);
      const next = applyReviewActionOrThrow(reviewStateOf(before), { type: 'edit' }, await this.reviewContext(tx, access));
      const scheduledAt = changes.schedule !== undefined ? (when?.instant ?? null) : before.scheduledAt;
      const notAfter = changes.notAfter !== undefined ? (changes.notAfter ? new Date(changes.notAfter) : null) : before.notAfter;
      if (scheduledAt && notAfter && notAfter <= scheduledAt) throw AppError.unprocessable('not_after_before_time', POST_TEXT.notAfterBeforeTime);
      await this.posts.update(tx, access.workspaceId, postId, {
        status: next.status,
        version: next.version,
        approvedVersion: next.approvedVersion,
        approvedById: next.approvedVersion === null ? null : before.approvedById,
        campaignId: changes.campaignId !== undefined ? changes.campaignId : undefined,
        title: changes.title !== undefined ? changes.title : undefined,
        baseText: changes.baseText,
        scheduledAt,
        scheduleZone: changes.schedule !== undefined ? (when?.zone ?? null) : undefined,
        notAfter,
      });
      const targets = changes.targets ?? before.targets.map((t) => ({ accountId: t.accountId, text: t.text }));
      await this.posts.replaceTargets(tx, access.workspaceId, postId, next.version, targets.map((t) => ({ accountId: t.accountId, text: t.text ?? null })));
      if (changes.mediaIds) await this.posts.setMedia(tx, postId, changes.mediaIds);
      await this.record(tx, access, 'post.edited', postId, {
        before: { status: before.status, version: before.version },
        after: { status: next.status, version: next.version },
        fields: Object.keys(changes),
      });
      const after = (await this.posts.lock(tx, access.workspaceId, postId))!;
      return { post: after, stale: staleWakeUps(before.targets, after.targets) };
    });
    await Promise.all(stale.map((w) => this.scheduler.forget(w.id, w.version)));
    return presentPost(post, requestContext.locale(), this.issuesOf(post));
  }

  /** Per-target content problems, in the platform's own counting (publisher.validate). */
  issuesOf(post: PostWithTargets): TargetIssues[] {
    return validateTargets(
      {
        baseText: post.baseText,
        title: post.title,
        media: post.media.map((m) => ({
          id: m.mediaId,
          kind: m.media.kind,
          mimeType: m.media.mimeType,
          byteSize: m.media.byteSize,
          altText: m.media.altText,
          publicUrl: '',
          read: () => Promise.reject(new Error('validation does not read media')),
        })),
        targets: post.targets.map((t) => ({ targetId: t.id, platform: t.account.platform, text: t.text, account: { settings: asSettings(t.account.settings) } })),
      },
      validatorFrom(this.registry),
    );
  }

  /** Locks a post whose content may still change: not cancelled, nothing published or publishing. */
  async lockEditable(tx: Tx, access: WorkspaceAccess, postId: string): Promise<PostWithTargets> {
    const post = await this.posts.lock(tx, access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    if (post.targets.some((t) => STARTED_DELIVERY_STATES.includes(t.state))) {
      throw AppError.conflict('already_published', POST_TEXT.alreadyPublished);
    }
    return post;
  }

  async reviewContext(tx: Tx, access: WorkspaceAccess) {
    const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspaceId }, select: { allowSelfApproval: true } });
    return { actor: { userId: access.userId, role: access.role }, allowSelfApproval: workspace.allowSelfApproval };
  }

  record(tx: Tx, access: WorkspaceAccess, action: string, postId: string, summary: object = {}) {
    return this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action, subjectType: 'post', subjectId: postId, summary: auditJson(summary) });
  }

  /** Campaign visible and live, accounts ours and usable, media ours; the schedule resolved. */
  private async checkReferences(access: WorkspaceAccess, input: UpdatePost) {
    if (input.campaignId) {
      const campaign = await this.campaigns.findVisible(access.workspaceId, input.campaignId);
      if (!campaign || campaign.archivedAt) throw AppError.unprocessable('campaign_unavailable', POST_TEXT.campaignUnavailable);
    }
    if (input.targets) {
      const ids = input.targets.map((t) => t.accountId);
      const usable = new Set((await this.posts.findUsableAccounts(access.workspaceId, ids)).map((a) => a.id));
      const missing = ids.find((id) => !usable.has(id));
      if (missing) throw AppError.unprocessable('account_unavailable', POST_TEXT.accountUnavailable, { accountId: missing });
    }
    if (input.mediaIds?.length) {
      const found = new Set((await this.posts.findMedia(access.workspaceId, input.mediaIds)).map((m) => m.id));
      const missing = input.mediaIds.find((id) => !found.has(id));
      if (missing) throw AppError.unprocessable('media_unavailable', POST_TEXT.mediaUnavailable, { mediaId: missing });
    }
    const when = input.schedule ? resolveSchedule(input.schedule) : null;
    if (when && input.notAfter && new Date(input.notAfter) <= when.instant) {
      throw AppError.unprocessable('not_after_before_time', POST_TEXT.notAfterBeforeTime);
    }
    return when;
  }
}

export function reviewStateOf(post: PostWithTargets) {
  return { status: post.status, version: post.version, approvedVersion: post.approvedVersion, authorId: post.authorId };
}

function asSettings(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
