import { Injectable } from '@nestjs/common';
import type { WorkspaceAccess } from '../auth/auth-context';
import { AppError } from '../core/errors';
import { Notifier } from '../notifications/notifier';
import { hasIssues, issueDetails } from '../posts/content';
import { POST_TEXT } from '../posts/posts.messages';
import { PostsRepository } from '../posts/posts.repository';
import { PostsService } from '../posts/posts.service';
import { ReviewService } from './review.service';
import type { CreateStatement } from './statements.schemas';

/**
 * Rapid response ("pernyataan cepat", docs/publishing.md): a post that skips the calendar but never
 * the second pair of eyes. Written, it waits IN_REVIEW with no time; released by a different
 * coordinator or admin (review-machine: never its writer or an editor, whatever the workspace's
 * self-approval setting), it is approved as a "publish now" post is, so every target is SCHEDULED
 * at the release instant and goes through the normal engine (claim, holds, outcomes).
 */
@Injectable()
export class StatementsService {
  constructor(
    private readonly posts: PostsRepository,
    private readonly drafting: PostsService,
    private readonly review: ReviewService,
    private readonly notices: Notifier,
  ) {}

  /** Written and waiting for release in one transaction: content problems refuse it (422) and leave nothing. */
  async create(access: WorkspaceAccess, input: CreateStatement) {
    const told: string[] = [];
    const created = await this.drafting.create(
      access,
      { ...input, publishNow: true },
      {
        inTransaction: async (tx, postId) => {
          const post = (await this.posts.lock(tx, access.workspaceId, postId))!;
          const issues = this.drafting.issuesOf(post);
          if (hasIssues(issues))
            throw AppError.unprocessable('content_issues', POST_TEXT.hasIssues, {}, issueDetails(issues));
          await this.drafting.record(tx, access, 'statement.created', postId, { targets: post.targets.length });
          told.push(
            ...(await this.notices.statementAwaitingRelease(
              tx,
              access.workspaceId,
              access.userId,
              postId,
              post.targets.length,
            )),
          );
        },
      },
    );
    await this.notices.dispatch(told);
    return created;
  }

  /** The version the releaser read goes out to every target now (409 version_changed if it changed since). */
  async release(access: WorkspaceAccess, postId: string, seenVersion: number) {
    const post = await this.posts.find(access.workspaceId, postId);
    if (!post) throw AppError.notFound(POST_TEXT.post);
    if (!post.statement) throw AppError.conflict('not_a_statement', POST_TEXT.notAStatement);
    return this.review.approve(access, postId, seenVersion, 'statement.released');
  }

  /** Statements newest first, with each target's delivery state (the page polls this for progress). */
  list(access: WorkspaceAccess, query: { limit: number; before?: string }) {
    return this.drafting.list(access, { ...query, statement: true });
  }
}
