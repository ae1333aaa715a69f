import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { type Platform, PrismaService, type Tx } from '../core/database';
import { type postVersionListView, versionTargetSchema, type VersionTarget } from './post-versions';
import type { PostWithTargets } from './posts.repository';

/**
 * The texts of every version of a post (architecture.md: the version increases on every change of
 * content, targets or time). Each change writes its version in its own transaction, from the post as
 * that transaction left it, so a version's text is exactly what a reviewer could have read.
 */
@Injectable()
export class PostVersionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Snapshots `post` (read inside `tx` after the change) as its current version. */
  record(tx: Tx, post: PostWithTargets, editorId: string) {
    return recordPostVersion(tx, post, editorId);
  }

  async list(workspaceId: string, postId: string): Promise<z.output<typeof postVersionListView>> {
    const rows = await this.prisma.postVersion.findMany({
      where: { workspaceId, postId },
      omit: { id: true, postId: true, workspaceId: true, editorId: true },
      include: { editor: { select: { id: true, name: true } } },
      orderBy: { version: 'asc' },
    });
    return {
      versions: rows.map(({ targets, ...row }) => ({ ...row, targets: z.array(versionTargetSchema).parse(targets) })),
    };
  }
}

/** The one writer of PostVersion rows (the repository and the demo seed use it). */
export function recordPostVersion(tx: Tx, post: PostWithTargets, editorId: string | null) {
  const targets: VersionTarget[] = post.targets.map((t) => ({
    accountId: t.accountId,
    accountName: t.account.displayName,
    platform: t.account.platform as Platform,
    text: t.text,
  }));
  return tx.postVersion.create({
    data: {
      postId: post.id,
      workspaceId: post.workspaceId,
      version: post.version,
      editorId,
      title: post.title,
      baseText: post.baseText,
      scheduledAt: post.scheduledAt,
      scheduleZone: post.scheduleZone,
      publishNow: post.publishNow,
      notAfter: post.notAfter,
      mediaIds: post.media.map((m) => m.mediaId),
      targets,
    },
    select: { id: true },
  });
}
