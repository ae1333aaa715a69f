import { Prisma, type PostStatus } from '../core/database';

/**
 * The only door to publishing: the post is approved at exactly this version (architecture.md,
 * publishing 3 and 6). Any edit bumps the version and voids the approval, so a delivery of an older
 * version is never publishable. Said once here for TypeScript, once below for SQL; the claim
 * function gaung_claim (prisma/migrations) checks the same inside Postgres.
 */
export function isPublishable(post: { status: PostStatus; approvedVersion: number | null }, version: number): boolean {
  return post.status === 'APPROVED' && post.approvedVersion === version;
}

/** isPublishable as a SQL condition, for a query that names the post `p` and its target `t`. */
export const PUBLISHABLE_SQL = Prisma.sql`p.status = 'APPROVED' AND p."approvedVersion" = t.version`;
