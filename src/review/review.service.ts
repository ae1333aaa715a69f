import { Injectable } from '@nestjs/common';
import type { WorkspaceAccess } from '../auth/auth-context';
import { resolveSchedule, type ScheduleInput } from '../calendar/zoned-time';
import { PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { DeliveryScheduler, RateBudgetChecker, staleWakeUps, type WakeTarget } from '../publishing';
import { hasIssues, issueDetails } from '../posts/content';
import { POST_TEXT } from '../posts/posts.messages';
import { OPEN_DELIVERY_STATES, PostsRepository, type PostWithTargets } from '../posts/posts.repository';
import { PostsService, reviewStateOf } from '../posts/posts.service';
import { approvalTiming, assertStillAhead, assertSubmittableTiming } from '../posts/publish-time';
import { applyReviewActionOrThrow, type ReviewAction } from './review-machine';

interface Outcome {
  post: PostWithTargets;
  wake: WakeTarget[];
}

/**
 * Review and scheduling: submit, approve, request changes, withdraw, cancel, reschedule. Postgres
 * is written first; wake-ups are added (or stale ones dropped) only after the transaction commits.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly posts: PostsRepository,
    private readonly drafting: PostsService,
    private readonly scheduler: DeliveryScheduler,
    private readonly budgets: RateBudgetChecker,
  ) {}

  async submit(access: WorkspaceAccess, postId: string) {
    return this.transition(access, postId, 'post.submitted', async (tx, post) => {
      const issues = this.drafting.issuesOf(post);
      if (hasIssues(issues)) throw AppError.unprocessable('content_issues', POST_TEXT.hasIssues, {}, issueDetails(issues));
      assertSubmittableTiming(post);
      return this.apply(tx, access, post, { type: 'submit' }, 'SUBMITTED', '');
    });
  }

  async approve(access: WorkspaceAccess, postId: string, seenVersion: number) {
    const result = await this.transition(access, postId, 'post.approved', async (tx, post) => {
      // A "publish now" post gets the approval's instant as its time (docs/publishing.md).
      const due = approvalTiming(post, access.timeZone);
      const next = await this.apply(tx, access, post, { type: 'approve', version: seenVersion }, 'APPROVED', '');
      await this.posts.update(tx, access.workspaceId, post.id, { approvedById: access.userId, approvedAt: new Date(), scheduledAt: due.instant, scheduleZone: due.zone, publishNow: false });
      const ids = await this.posts.moveTargets(tx, access.workspaceId, post.id, ['PENDING'], { state: 'SCHEDULED', version: next.post.version, dueAt: due.instant });
      return { ...next, wake: ids.map((id) => ({ id, version: next.post.version, dueAt: due.instant })) };
    });
    return { ...result, warnings: await this.rateWarnings(access, result.id) };
  }

  async requestChanges(access: WorkspaceAccess, postId: string, comment: string) {
    return this.transition(access, postId, 'post.changes_requested', (tx, post) =>
      this.apply(tx, access, post, { type: 'requestChanges', comment }, 'CHANGES_REQUESTED', comment),
    );
  }

  async withdraw(access: WorkspaceAccess, postId: string) {
    return this.transition(access, postId, 'post.withdrawn', (tx, post) => this.apply(tx, access, post, { type: 'withdraw' }, null, ''));
  }

  /** Final: every delivery that has not happened is cancelled; nothing publishes afterwards. */
  async cancel(access: WorkspaceAccess, postId: string) {
    return this.transition(access, postId, 'post.cancelled', async (tx, post) => {
      const next = await this.apply(tx, access, post, { type: 'cancel' }, null, '');
      await this.posts.update(tx, access.workspaceId, post.id, { cancelledAt: new Date() });
      await this.posts.moveTargets(tx, access.workspaceId, post.id, OPEN_DELIVERY_STATES, { state: 'CANCELLED' });
      return next;
    }, { allowStarted: true });
  }

  /**
   * A coordinator moves an approved post in time without another review: the version bumps (old
   * wake-ups go stale) and the new version is approved with the same content.
   */
  async reschedule(access: WorkspaceAccess, postId: string, schedule: ScheduleInput, notAfter?: string | null) {
    const when = resolveSchedule(schedule);
    const result = await this.transition(access, postId, 'post.rescheduled', async (tx, post) => {
      if (post.status !== 'APPROVED' || post.approvedVersion !== post.version) throw AppError.conflict('not_approved', POST_TEXT.notApproved);
      assertStillAhead(when.instant, when.zone);
      const limit = notAfter === undefined ? post.notAfter : notAfter ? new Date(notAfter) : null;
      if (limit && limit <= when.instant) throw AppError.unprocessable('not_after_before_time', POST_TEXT.notAfterBeforeTime);
      const version = post.version + 1;
      const updated = await this.posts.update(tx, access.workspaceId, post.id, {
        version,
        approvedVersion: version,
        scheduledAt: when.instant,
        scheduleZone: when.zone,
        notAfter: limit,
      });
      const ids = await this.posts.moveTargets(tx, access.workspaceId, post.id, ['SCHEDULED', 'HELD', 'PENDING', 'EXPIRED'], {
        state: 'SCHEDULED',
        version,
        dueAt: when.instant,
      });
      await this.drafting.recordVersion(tx, access, post.id);
      return { post: updated, wake: ids.map((id) => ({ id, version, dueAt: when.instant })) };
    });
    return { ...result, warnings: await this.rateWarnings(access, result.id) };
  }

  async comment(access: WorkspaceAccess, postId: string, body: string) {
    return this.prisma.$transaction(async (tx) => {
      const post = await this.posts.lock(tx, access.workspaceId, postId);
      if (!post) throw AppError.notFound(POST_TEXT.post);
      const comment = await this.posts.addComment(tx, access.workspaceId, { postId, authorId: access.userId, kind: 'COMMENT', body, postVersion: post.version });
      await this.drafting.record(tx, access, 'post.commented', postId, { commentId: comment.id });
      return comment;
    });
  }

  comments(access: WorkspaceAccess, postId: string) {
    return this.posts.comments(access.workspaceId, postId);
  }

  /** Runs one review step in a transaction with the post locked, then keeps the queue in step. */
  private async transition(
    access: WorkspaceAccess,
    postId: string,
    action: string,
    step: (tx: Tx, post: PostWithTargets) => Promise<Outcome>,
    options: { allowStarted?: boolean } = {},
  ) {
    const outcome = await this.prisma.$transaction(async (tx) => {
      const post = options.allowStarted ? await this.posts.lock(tx, access.workspaceId, postId) : await this.drafting.lockEditable(tx, access, postId);
      if (!post) throw AppError.notFound(POST_TEXT.post);
      const result = await step(tx, post);
      await this.drafting.record(tx, access, action, postId, {
        before: { status: post.status, version: post.version },
        after: { status: result.post.status, version: result.post.version },
      });
      const after = (await this.posts.lock(tx, access.workspaceId, postId))!;
      return { ...result, post: after, stale: staleWakeUps(post.targets, after.targets) };
    });
    await Promise.all(outcome.stale.map((w) => this.scheduler.forget(w.id, w.version)));
    await this.scheduler.wake(outcome.wake);
    return this.drafting.present(access, outcome.post);
  }

  /** Applies a review action to the post row; an approval voided drops its scheduled deliveries to PENDING. */
  private async apply(tx: Tx, access: WorkspaceAccess, post: PostWithTargets, action: ReviewAction, commentKind: 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED' | null, body: string): Promise<Outcome> {
    const next = applyReviewActionOrThrow(reviewStateOf(post), action, await this.drafting.reviewContext(tx, access));
    const updated = await this.posts.update(tx, access.workspaceId, post.id, {
      status: next.status,
      version: next.version,
      approvedVersion: next.approvedVersion,
      unreviewedEditorIds: next.editorIds,
      submittedAt: action.type === 'submit' ? new Date() : undefined,
    });
    if (next.approvedVersion === null && post.approvedVersion !== null) {
      await this.posts.moveTargets(tx, access.workspaceId, post.id, ['SCHEDULED', 'HELD'], { state: 'PENDING', dueAt: null });
    }
    if (commentKind) {
      await this.posts.addComment(tx, access.workspaceId, { postId: post.id, authorId: access.userId, kind: commentKind, body: body || commentKind.toLowerCase(), postVersion: next.version });
    }
    return { post: updated, wake: [] };
  }

  private async rateWarnings(access: WorkspaceAccess, postId: string) {
    const post = await this.posts.find(access.workspaceId, postId);
    if (!post?.scheduledAt) return [];
    const warnings = await Promise.all(post.targets.map((t) => this.budgets.warningFor(access.workspaceId, t.accountId, post.scheduledAt!, t.id)));
    return warnings.filter((w) => w !== null);
  }
}
