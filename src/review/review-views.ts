import { z } from 'zod';
import { zCommentKind, zTimestamp } from '../core/http';
import { postView } from '../posts/post-view';

/** A rate budget that the scheduled time would exceed: a warning, never a refusal. */
const rateBudgetWarningView = z
  .object({
    accountId: z.string(),
    budget: z
      .object({ posts: z.int(), windowMs: z.int() })
      .meta({ description: 'Posts allowed per account in a rolling window' }),
    deliveriesInWindow: z
      .int()
      .meta({ description: 'Deliveries of the account in the window ending at the planned time' }),
  })
  .meta({ id: 'RateBudgetWarning' });

export const scheduledPostView = z
  .intersection(postView, z.object({ warnings: z.array(rateBudgetWarningView) }))
  .meta({ id: 'ScheduledPost', description: 'A post that was approved or rescheduled, with rate-budget warnings' });

export const commentView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    postId: z.string(),
    postVersion: z.int().meta({ description: 'The post version the comment was written on' }),
    authorId: z.string(),
    kind: zCommentKind,
    body: z.string().meta({
      description:
        "The person's words; empty for a submission or an approval given without words (the kind says what happened)",
    }),
    createdAt: zTimestamp,
  })
  .meta({ id: 'Comment' });

const threadCommentView = z
  .intersection(commentView, z.object({ author: z.object({ id: z.string(), name: z.string() }) }))
  .meta({ id: 'ThreadComment' });

export const threadCommentListView = z.array(threadCommentView);
