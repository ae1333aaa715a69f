import { z } from 'zod';
import { CommentKind } from '../core/database';
import { zTimestamp } from '../core/http';
import { postView } from '../posts/post-view';

/** A rate budget that the scheduled time would exceed: a warning, never a refusal. */
export const rateBudgetWarningView = z
  .object({
    accountId: z.string(),
    budget: z.object({ posts: z.int(), windowMs: z.int() }).meta({ description: 'Posts allowed per account in a rolling window' }),
    deliveriesInWindow: z.int().meta({ description: 'Deliveries of the account in the window ending at the planned time' }),
  })
  .meta({ id: 'RateBudgetWarning' });

export const scheduledPostView = postView
  .extend({ warnings: z.array(rateBudgetWarningView) })
  .meta({ id: 'ScheduledPost', description: 'A post that was approved or rescheduled, with rate-budget warnings' });

export const commentView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    postId: z.string(),
    postVersion: z.int().meta({ description: 'The post version the comment was written on' }),
    authorId: z.string(),
    kind: z.enum(CommentKind),
    body: z.string(),
    createdAt: zTimestamp,
  })
  .meta({ id: 'Comment' });

export const threadCommentView = commentView
  .extend({ author: z.object({ id: z.string(), name: z.string() }) })
  .meta({ id: 'ThreadComment' });

export const threadCommentListView = z.array(threadCommentView);
