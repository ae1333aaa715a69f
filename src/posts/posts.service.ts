import { Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { CampaignsRepository } from '../campaigns/campaigns.repository';
import { resolveSchedule, type ResolvedSchedule } from '../core/time';
import { type AltTextPolicy, type Platform, PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { requestContext } from '../core/logging';
import { DeliveryScheduler, staleWakeUps } from '../publishing';
import { PublisherRegistry } from '../publishers';
import { allowedReviewActions, applyReviewActionOrThrow, type ReviewContext } from './review-machine';
import {
  checkContent,
  hasIssues,
  presentIssues,
  validatorFrom,
  type AccountIssues,
  type DraftContent,
} from './content';
import { presentPost, type PostActions } from './post-view';
import { POST_TEXT } from './posts.messages';
import { nextTiming } from './publish-time';
import { PostsRepository, STARTED_DELIVERY_STATES, type PostWithTargets } from './posts.repository';
import { PostVersionsRepository } from './post-versions.repository';
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
    private readonly versions: PostVersionsRepository,
  ) {}

  /**
   * A draft; or, with `statement`, a rapid-response statement already waiting for release (no time,
   * publishes when released), whose `inTransaction` step (checks, audit, notification) runs in the
   * creating transaction, so a refused statement leaves nothing behind.
   */
  async create(
    access: WorkspaceAccess,
    input: CreatePost,
    statement?: { inTransaction: (tx: Tx, postId: string) => Promise<void> },
  ) {
    const references = await this.checkReferences(access, input);
    const timing = nextTiming(
      null,
      statement ? { ...input, schedule: undefined, publishNow: true } : input,
      statement ? null : references.when,
    );
    const post = await this.prisma.$transaction(async (tx) => {
      const created = await this.posts.create(tx, access.workspaceId, {
        ...(statement ? { statement: true, status: 'IN_REVIEW' as const, submittedAt: new Date() } : {}),
        campaignId: input.campaignId ?? null,
        authorId: access.userId,
        unreviewedEditorIds: [access.userId],
        title: input.title ?? null,
        baseText: input.baseText,
        ...timing,
        targets: {
          create: input.targets.map((t, position) => ({
            workspaceId: access.workspaceId,
            accountId: t.accountId,
            text: t.text ?? null,
            position,
          })),
        },
      });
      if (input.mediaIds?.length) await this.posts.setMedia(tx, created.id, input.mediaIds);
      await this.recordVersion(tx, access, created.id);
      await this.record(tx, access, 'post.created', created.id, {
        version: 1,
        targets: input.targets.length,
        publishNow: timing.publishNow,
        statement: Boolean(statement),
      });
      await statement?.inTransaction(tx, created.id);
      return created;
    });
    return this.present(access, (await this.posts.find(access.workspaceId, post.id))!);
  }

  async get(access: WorkspaceAccess, postId: string) {
    const post = await this.posts.find(access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    return this.present(access, post);
  }

  async list(access: WorkspaceAccess, query: Parameters<PostsRepository['list']>[1]) {
    const rows = await this.posts.list(access.workspaceId, query);
    const locale = requestContext.locale();
    const context = await this.reviewContext(this.prisma, access);
    return {
      posts: rows.map((p) => presentPost(p, locale, actionsOf(p, context))),
      nextBefore: rows.length === query.limit ? rows[rows.length - 1]!.id : null,
    };
  }

  /**
   * Any change of content, targets or time bumps the version and voids an approval (an approved
   * post goes back to review); every delivery returns to PENDING, so old wake-ups claim nothing.
   */
  async update(access: WorkspaceAccess, postId: string, changes: UpdatePost) {
    const references = await this.checkReferences(access, changes);
    const { post, stale } = await this.prisma.$transaction(async (tx) => {
      const before = await this.lockEditable(tx, access, postId);
      // A statement has no time: it publishes when released.
      if (before.statement && (changes.schedule || changes.publishNow === false))
        throw AppError.unprocessable('statement_has_no_time', POST_TEXT.statementHasNoTime);
      const next = applyReviewActionOrThrow(
        reviewStateOf(before),
        { type: 'edit' },
        await this.reviewContext(tx, access),
      );
      const timing = nextTiming(before, changes, references.when);
      await this.posts.update(tx, access.workspaceId, postId, {
        status: next.status,
        version: next.version,
        approvedVersion: next.approvedVersion,
        approvedById: next.approvedVersion === null ? null : before.approvedById,
        unreviewedEditorIds: next.editorIds,
        campaignId: changes.campaignId !== undefined ? changes.campaignId : undefined,
        title: changes.title !== undefined ? changes.title : undefined,
        baseText: changes.baseText,
        ...timing,
      });
      const targets = changes.targets ?? before.targets.map((t) => ({ accountId: t.accountId, text: t.text }));
      await this.posts.replaceTargets(
        tx,
        access.workspaceId,
        postId,
        next.version,
        targets.map((t) => ({ accountId: t.accountId, text: t.text ?? null })),
      );
      if (changes.mediaIds) await this.posts.setMedia(tx, postId, changes.mediaIds);
      await this.record(tx, access, 'post.edited', postId, {
        before: { status: before.status, version: before.version },
        after: { status: next.status, version: next.version },
        fields: Object.keys(changes),
      });
      const after = (await this.posts.lock(tx, access.workspaceId, postId))!;
      await this.versions.record(tx, after, access.userId);
      return { post: after, stale: staleWakeUps(before.targets, after.targets) };
    });
    await Promise.all(stale.map((w) => this.scheduler.forget(w.id, w.version)));
    return this.present(access, post);
  }

  /**
   * Dry run of a create or an update: every check they make (references, time, editability), then
   * the content issues per target, with nothing written. Refusals are the same 4xx they would give.
   */
  async check(access: WorkspaceAccess, input: UpdatePost, postId?: string) {
    const before = postId ? await this.posts.find(access.workspaceId, postId) : null;
    if (postId && !before) throw AppError.notFound(POST_TEXT.post);
    if (before) {
      assertContentMayChange(before);
      applyReviewActionOrThrow(reviewStateOf(before), { type: 'edit' }, await this.reviewContext(this.prisma, access));
    }
    const references = await this.checkReferences(access, input);
    const timing = nextTiming(before, input, references.when);
    const { altTextPolicy } = before?.workspace ?? (await this.posts.workspaceAltTextPolicy(access.workspaceId));
    const issues = checkContent(draftOf(before, input, references, altTextPolicy), validatorFrom(this.registry));
    // A time kept from before may have passed since: the edit is allowed, submitting is not.
    const timePassed = !timing.publishNow && timing.scheduledAt !== null && timing.scheduledAt.getTime() <= Date.now();
    return {
      submittable: !hasIssues(issues) && !timePassed,
      timePassed,
      ...timing,
      issues: presentIssues(issues, requestContext.locale()),
    };
  }

  /** Every version of a post, oldest first (404 for a post of another workspace). */
  async versionsOf(access: WorkspaceAccess, postId: string) {
    const post = await this.posts.find(access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    return this.versions.list(access.workspaceId, postId);
  }

  /** Keeps the post's current version (as `tx` sees it now): call in the transaction that made it. */
  async recordVersion(tx: Tx, access: WorkspaceAccess, postId: string) {
    const post = await this.posts.findAsOf(tx, access.workspaceId, postId);
    await this.versions.record(tx, post, access.userId);
  }

  /** Per-target content problems, in the platform's own counting (publisher.validate), by account. */
  issuesOf(post: PostWithTargets): AccountIssues[] {
    return checkContent(draftOf(post, {}, null, post.workspace.altTextPolicy), validatorFrom(this.registry));
  }

  /** The post as `access` reads it: with its issues and what the reader may do with it. */
  async present(access: WorkspaceAccess, post: PostWithTargets) {
    return presentPost(
      post,
      requestContext.locale(),
      actionsOf(post, await this.reviewContext(this.prisma, access)),
      this.issuesOf(post),
    );
  }

  /** Locks a post whose content may still change: not cancelled, nothing published or publishing. */
  async lockEditable(tx: Tx, access: WorkspaceAccess, postId: string): Promise<PostWithTargets> {
    const post = await this.posts.lock(tx, access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    assertContentMayChange(post);
    return post;
  }

  async reviewContext(tx: Tx, access: WorkspaceAccess): Promise<ReviewContext> {
    const allowSelfApproval = await this.posts.workspaceAllowsSelfApproval(tx, access.workspaceId);
    return { actor: { userId: access.userId, role: access.role }, allowSelfApproval };
  }

  record(tx: Tx, access: WorkspaceAccess, action: string, postId: string, summary: object = {}) {
    return this.audit.record(tx, {
      workspaceId: access.workspaceId,
      actor: accessActor(access),
      action,
      subjectType: 'post',
      subjectId: postId,
      summary: auditJson(summary),
    });
  }

  /** Campaign visible and live, accounts ours and usable, media ours; the schedule resolved. */
  private async checkReferences(access: WorkspaceAccess, input: UpdatePost): Promise<References> {
    if (input.campaignId) {
      const campaign = await this.campaigns.findVisible(access.workspaceId, input.campaignId);
      if (!campaign || campaign.archivedAt)
        throw AppError.unprocessable('campaign_unavailable', POST_TEXT.campaignUnavailable);
    }
    const accounts = new Map(
      (input.targets
        ? await this.posts.findUsableAccounts(
            access.workspaceId,
            input.targets.map((t) => t.accountId),
          )
        : []
      ).map((a) => [a.id, a]),
    );
    const missingAccount = input.targets?.find((t) => !accounts.has(t.accountId));
    if (missingAccount)
      throw AppError.unprocessable('account_unavailable', POST_TEXT.accountUnavailable, {
        accountId: missingAccount.accountId,
      });
    const media = new Map(
      (input.mediaIds?.length ? await this.posts.findMedia(access.workspaceId, input.mediaIds) : []).map((m) => [
        m.id,
        m,
      ]),
    );
    const missingMedia = input.mediaIds?.find((id) => !media.has(id));
    if (missingMedia)
      throw AppError.unprocessable('media_unavailable', POST_TEXT.mediaUnavailable, { mediaId: missingMedia });
    return {
      when: input.schedule ? resolveSchedule(input.schedule) : null,
      accounts,
      media: input.mediaIds?.map((id) => media.get(id)!),
    };
  }
}

type MediaRow = PostWithTargets['media'][number]['media'];

interface References {
  when: ResolvedSchedule | null;
  accounts: Map<string, { id: string; platform: Platform; settings: unknown; displayName: string }>;
  /** The input's media in its order; undefined when the input does not set media. */
  media: MediaRow[] | undefined;
}

/** The content a post has (no changes), or would have after `changes` (references checked). */
function draftOf(
  before: PostWithTargets | null,
  changes: UpdatePost,
  references: References | null,
  altTextPolicy: AltTextPolicy,
): DraftContent {
  const targets = changes.targets
    ? changes.targets.map((t) => {
        const account = references!.accounts.get(t.accountId)!;
        return {
          targetId: null,
          accountId: t.accountId,
          accountName: account.displayName,
          platform: account.platform,
          settings: account.settings,
          text: t.text ?? null,
        };
      })
    : (before?.targets ?? []).map((t) => ({
        targetId: t.id,
        accountId: t.accountId,
        accountName: t.account.displayName,
        platform: t.account.platform,
        settings: t.account.settings,
        text: t.text,
      }));
  return {
    baseText: changes.baseText ?? before?.baseText ?? '',
    title: changes.title !== undefined ? changes.title : (before?.title ?? null),
    media: references?.media ?? (before?.media ?? []).map((m) => m.media),
    targets,
    altTextPolicy,
  };
}

function assertContentMayChange(post: PostWithTargets): void {
  if (post.targets.some((t) => STARTED_DELIVERY_STATES.includes(t.state)))
    throw AppError.conflict('already_published', POST_TEXT.alreadyPublished);
}

/** The review rules' answer per action, plus what the routes add: content freezes once a delivery started. */
function actionsOf(post: PostWithTargets, context: ReviewContext): PostActions {
  const allowed = allowedReviewActions(reviewStateOf(post), context);
  const started = post.targets.some((t) => STARTED_DELIVERY_STATES.includes(t.state));
  return {
    ...allowed,
    submit: allowed.submit && !started,
    approve: allowed.approve && !started,
    requestChanges: allowed.requestChanges && !started,
    edit: allowed.edit && !started,
    withdraw: allowed.withdraw && !started,
  };
}

export function reviewStateOf(post: PostWithTargets) {
  return {
    status: post.status,
    version: post.version,
    approvedVersion: post.approvedVersion,
    authorId: post.authorId,
    editorIds: post.unreviewedEditorIds,
    statement: post.statement,
  };
}
