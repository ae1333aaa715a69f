import { z } from 'zod';
import { postFields } from '../posts/posts.schemas';
import { zUuid } from '../core/http';

/** A statement: text and accounts (optionally a title, media, a "do not publish after" limit); never a time. */
export const createStatementSchema = z
  .object({
    title: postFields.title.optional(),
    baseText: postFields.baseText,
    targets: postFields.targets,
    mediaIds: postFields.mediaIds.optional(),
    notAfter: postFields.notAfter.optional(),
  })
  .strict()
  .meta({ id: 'StatementInput' });

export const listStatementsSchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(30),
    /** Keyset cursor: statements created before this id. */
    before: zUuid.optional(),
  })
  .strict();

export type CreateStatement = z.infer<typeof createStatementSchema>;
