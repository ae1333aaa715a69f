import { Injectable } from '@nestjs/common';
import type { WorkspaceAccess } from '../auth/auth-context';
import { resolveSchedule, type ScheduleInput } from '../core/time';
import { PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { Notifier } from '../notifications/notifier';
import { DeliveryScheduler, RateBudgetChecker, staleWakeUps, type WakeTarget } from '../publishing';
import { isPublishable } from '../publishing/publishable';
import { hasIssues, issueDetails } from '../posts/content';
import { POST_TEXT } from '../posts/posts.messages';
import { OPEN_DELIVERY_STATES, PostsRepository, type PostWithTargets } from '../posts/posts.repository';
import { PostsService, reviewStateOf } from '../posts/posts.service';
import { approvalTiming, assertStillAhead, assertSubmittableTiming } from '../posts/publish-time';
import { applyReviewActionOrThrow, type ReviewAction } from '../posts/review-machine';

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
    private readonly notices: Notifier,
  ) {}

  async submit(access: WorkspaceAccess, postId: string) {
    const told: string[] = [];
    const post = await this.transition(access, postId, 'post.submitted', async (tx, post) => {
      const issues = this.drafting.issuesOf(post);
      if (hasIssues(issues))
        throw AppError.unprocessable('content_issues', POST_TEXT.hasIssues, {}, issueDetails(issues));
      assertSubmittableTiming(post);
      told.push(...(await this.notices.reviewed(tx, access.workspaceId, access.userId, post.id, 'POST_SUBMITTED')));
      return this.apply(tx, access, post, { type: 'submit' }, 'SUBMITTED', '');
    });
    await this.notices.dispatch(told);
    return this.drafting.present(access, post);
  }

  /** Also a statement's release (`action` statement.released): the same step, audited by its name. */
  async approve(
    access: WorkspaceAccess,
    postId: string,
    seenVersion: number,
    action: 'post.approved' | 'statement.released' = 'post.approved',
  ) {
    const told: string[] = [];
    const post = await this.transition(access, postId, action, async (tx, post) => {
      // The review rules first (a post approved meanwhile is a 409), then the time: a "publish now"
      // post gets the approval's instant as its time (docs/publishing.md).
      const next = await this.apply(tx, access, post, { type: 'approve', version: seenVersion }, 'APPROVED', '');
      const due = approvalTiming(post, access.timeZone);
      told.push(...(await this.notices.reviewed(tx, access.workspaceId, access.userId, post.id, 'POST_APPROVED')));
      await this.posts.update(tx, access.workspaceId, post.id, {
        approvedById: access.userId,
        approvedAt: new Date(),
        scheduledAt: due.instant,
        scheduleZone: due.zone,
        publishNow: false,
      });
      const ids = await this.posts.moveTargets(tx, access.workspaceId, post.id, ['PENDING'], {
        state: 'SCHEDULED',
        version: next.post.version,
        dueAt: due.instant,
      });
      return { ...next, wake: ids.map((id) => ({ id, version: next.post.version, dueAt: due.instant })) };
    });
    await this.notices.dispatch(told);
    return this.presentScheduled(access, post);
  }

  async requestChanges(access: WorkspaceAccess, postId: string, comment: string) {
    const told: string[] = [];
    const post = await this.transition(access, postId, 'post.changes_requested', async (tx, post) => {
      told.push(
        ...(await this.notices.reviewed(
          tx,
          access.workspaceId,
          access.userId,
          post.id,
          'POST_CHANGES_REQUESTED',
          comment,
        )),
      );
      return this.apply(tx, access, post, { type: 'requestChanges', comment }, 'CHANGES_REQUESTED', comment);
    });
    await this.notices.dispatch(told);
    return this.drafting.present(access, post);
  }

  async withdraw(access: WorkspaceAccess, postId: string) {
    const post = await this.transition(access, postId, 'post.withdrawn', (tx, post) =>
      this.apply(tx, access, post, { type: 'withdraw' }, null, ''),
    );
    return this.drafting.present(access, post);
  }

  /** Final: every delivery that has not happened is cancelled; nothing publishes afterwards. */
  async cancel(access: WorkspaceAccess, postId: string) {
    const cancelled = await this.transition(
      access,
      postId,
      'post.cancelled',
      async (tx, post) => {
        const next = await this.apply(tx, access, post, { type: 'cancel' }, null, '');
        await this.posts.update(tx, access.workspaceId, post.id, { cancelledAt: new Date() });
        await this.posts.moveTargets(tx, access.workspaceId, post.id, OPEN_DELIVERY_STATES, { state: 'CANCELLED' });
        return next;
      },
      { allowStarted: true },
    );
    return this.drafting.present(access, cancelled);
  }

  /**
   * A coordinator moves an approved post in time without another review: the version bumps (old
   * wake-ups go stale) and the new version is approved with the same content.
   */
  async reschedule(access: WorkspaceAccess, postId: string, schedule: ScheduleInput, notAfter?: string | null) {
    const when = resolveSchedule(schedule);
    const rescheduled = await this.transition(access, postId, 'post.rescheduled', async (tx, post) => {
      if (!isPublishable(post, post.version)) throw AppError.conflict('not_approved', POST_TEXT.notApproved);
      assertStillAhead(when.instant, when.zone);
      const limit = notAfter === undefined ? post.notAfter : notAfter ? new Date(notAfter) : null;
      if (limit && limit <= when.instant)
        throw AppError.unprocessable('not_after_before_time', POST_TEXT.notAfterBeforeTime);
      const version = post.version + 1;
      const updated = await this.posts.update(tx, access.workspaceId, post.id, {
        version,
        approvedVersion: version,
        scheduledAt: when.instant,
        scheduleZone: when.zone,
        notAfter: limit,
      });
      const ids = await this.posts.moveTargets(
        tx,
        access.workspaceId,
        post.id,
        ['SCHEDULED', 'HELD', 'PENDING', 'EXPIRED'],
        {
          state: 'SCHEDULED',
          version,
          dueAt: when.instant,
        },
      );
      await this.drafting.recordVersion(tx, access, post.id);
      return { post: updated, wake: ids.map((id) => ({ id, version, dueAt: when.instant })) };
    });
    return this.presentScheduled(access, rescheduled);
  }

  async comment(access: WorkspaceAccess, postId: string, body: string) {
    const told: string[] = [];
    const comment = await this.prisma.$transaction(async (tx) => {
      const post = await this.posts.lock(tx, access.workspaceId, postId);
      if (!post) throw AppError.notFound(POST_TEXT.post);
      const comment = await this.posts.addComment(tx, access.workspaceId, {
        postId,
        authorId: access.userId,
        kind: 'COMMENT',
        body,
        postVersion: post.version,
      });
      await this.drafting.record(tx, access, 'post.commented', postId, { commentId: comment.id });
      told.push(...(await this.notices.commented(tx, access.workspaceId, access.userId, postId, body)));
      return comment;
    });
    await this.notices.dispatch(told);
    return comment;
  }

  comments(access: WorkspaceAccess, postId: string) {
    return this.posts.comments(access.workspaceId, postId);
  }

  /**
   * Runs one review step in a transaction with the post locked, then keeps the queue in step.
   * Answers the post as committed (read under the lock), so callers need not read it again.
   */
  private async transition(
    access: WorkspaceAccess,
    postId: string,
    action: string,
    step: (tx: Tx, post: PostWithTargets) => Promise<Outcome>,
    options: { allowStarted?: boolean } = {},
  ): Promise<PostWithTargets> {
    const outcome = await this.prisma.$transaction(async (tx) => {
      const post = options.allowStarted
        ? await this.posts.lock(tx, access.workspaceId, postId)
        : await this.drafting.lockEditable(tx, access, postId);
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
    return outcome.post;
  }

  /** Applies a review action to the post row; an approval voided drops its scheduled deliveries to PENDING. */
  private async apply(
    tx: Tx,
    access: WorkspaceAccess,
    post: PostWithTargets,
    action: ReviewAction,
    commentKind: 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED' | null,
    body: string,
  ): Promise<Outcome> {
    const next = applyReviewActionOrThrow(reviewStateOf(post), action, await this.drafting.reviewContext(tx, access));
    const updated = await this.posts.update(tx, access.workspaceId, post.id, {
      status: next.status,
      version: next.version,
      approvedVersion: next.approvedVersion,
      unreviewedEditorIds: next.editorIds,
      submittedAt: action.type === 'submit' ? new Date() : undefined,
    });
    if (next.approvedVersion === null && post.approvedVersion !== null) {
      await this.posts.moveTargets(tx, access.workspaceId, post.id, ['SCHEDULED', 'HELD'], {
        state: 'PENDING',
        dueAt: null,
      });
    }
    if (commentKind) {
      await this.posts.addComment(tx, access.workspaceId, {
        postId: post.id,
        authorId: access.userId,
        kind: commentKind,
        // A step taken without words keeps an empty body: its kind says what happened, and each
        // reader puts that in its own language (the web's review thread does).
        body,
        postVersion: next.version,
      });
    }
    return { post: updated, wake: [] };
  }

  /** An approved or rescheduled post with the rate budgets its time would exceed (a warning, never a refusal). */
  private async presentScheduled(access: WorkspaceAccess, post: PostWithTargets) {
    const at = post.scheduledAt;
    const warnings = at
      ? await Promise.all(post.targets.map((t) => this.budgets.warningFor(access.workspaceId, t.accountId, at, t.id)))
      : [];
    return { ...(await this.drafting.present(access, post)), warnings: warnings.filter((w) => w !== null) };
  }
}
