import { Injectable } from '@nestjs/common';
import { type DeliveryState, PrismaService, type Prisma, type Tx } from '../core/database';

export const postInclude = {
  targets: {
    include: {
      account: { select: { id: true, platform: true, displayName: true, handle: true, status: true, settings: true } },
    },
    orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
  },
  media: { include: { media: true }, orderBy: { position: 'asc' } },
  campaign: { select: { id: true, name: true, color: true, workspaceId: true, heldAt: true } },
  // The post's own workspace decides whether images without alt text block submission.
  workspace: { select: { altTextPolicy: true } },
} satisfies Prisma.PostInclude;

export type PostWithTargets = Prisma.PostGetPayload<{ include: typeof postInclude }>;

/** States in which a delivery has not happened and can still change or be cancelled. */
export const OPEN_DELIVERY_STATES: DeliveryState[] = ['PENDING', 'SCHEDULED', 'HELD', 'FAILED', 'EXPIRED'];
/** States in which the platform has (or may have) the post: the post's content is frozen. */
export const STARTED_DELIVERY_STATES: DeliveryState[] = ['PUBLISHING', 'PUBLISHED', 'UNCONFIRMED'];

@Injectable()
export class PostsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(workspaceId: string, postId: string) {
    return this.prisma.post.findFirst({ where: { id: postId, workspaceId }, include: postInclude });
  }

  /** The post as `tx` sees it now, after a change made in that transaction. */
  findAsOf(tx: Tx, workspaceId: string, postId: string): Promise<PostWithTargets> {
    return tx.post.findFirstOrThrow({ where: { id: postId, workspaceId }, include: postInclude });
  }

  /** The workspace's alt text policy, for a draft that has no post yet. */
  workspaceAltTextPolicy(workspaceId: string) {
    return this.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { altTextPolicy: true } });
  }

  /** Whether the workspace lets an editor approve their own post (read in `db`, a transaction or not). */
  async workspaceAllowsSelfApproval(db: Tx, workspaceId: string): Promise<boolean> {
    const workspace = await db.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { allowSelfApproval: true },
    });
    return workspace.allowSelfApproval;
  }

  /** Locks the post row for the rest of the transaction (serialises edits, reviews and approvals). */
  async lock(tx: Tx, workspaceId: string, postId: string): Promise<PostWithTargets | null> {
    await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId}::uuid AND "workspaceId" = ${workspaceId}::uuid FOR UPDATE`;
    return tx.post.findFirst({ where: { id: postId, workspaceId }, include: postInclude });
  }

  /** Returns the id only: the caller reads the whole post once, after its transaction (media are attached later in it). */
  create(tx: Tx, workspaceId: string, data: Omit<Prisma.PostUncheckedCreateInput, 'workspaceId'>) {
    return tx.post.create({ data: { ...data, workspaceId }, select: { id: true } });
  }

  update(tx: Tx, workspaceId: string, postId: string, data: Prisma.PostUncheckedUpdateInput) {
    return tx.post.update({ where: { id: postId, workspaceId }, data, include: postInclude });
  }

  /** Makes the post's deliveries exactly `targets`, in that order (same accounts keep their row), all PENDING at `version`. */
  async replaceTargets(
    tx: Tx,
    workspaceId: string,
    postId: string,
    version: number,
    targets: Array<{ accountId: string; text: string | null }>,
  ) {
    await tx.postTarget.deleteMany({
      where: { postId, workspaceId, accountId: { notIn: targets.map((t) => t.accountId) } },
    });
    for (const [position, target] of targets.entries()) {
      await tx.postTarget.upsert({
        where: { postId_accountId: { postId, accountId: target.accountId } },
        create: { postId, workspaceId, accountId: target.accountId, text: target.text, version, position },
        update: { text: target.text, version, position, state: 'PENDING', dueAt: null },
      });
    }
  }

  /** Moves the post's deliveries in `from` states; returns the moved rows' ids. */
  async moveTargets(
    tx: Tx,
    workspaceId: string,
    postId: string,
    from: DeliveryState[],
    data: Prisma.PostTargetUncheckedUpdateManyInput,
  ) {
    const ids = (
      await tx.postTarget.findMany({ where: { postId, workspaceId, state: { in: from } }, select: { id: true } })
    ).map((t) => t.id);
    if (ids.length > 0) await tx.postTarget.updateMany({ where: { id: { in: ids } }, data });
    return ids;
  }

  findUsableAccounts(workspaceId: string, accountIds: string[]) {
    return this.prisma.connectedAccount.findMany({
      where: { workspaceId, id: { in: accountIds }, status: { not: 'DISABLED' }, disconnectedAt: null },
      select: { id: true, platform: true, settings: true, displayName: true },
    });
  }

  findMedia(workspaceId: string, mediaIds: string[]) {
    return this.prisma.mediaAsset.findMany({ where: { workspaceId, id: { in: mediaIds } } });
  }

  async setMedia(tx: Tx, postId: string, mediaIds: string[]) {
    await tx.postMedia.deleteMany({ where: { postId } });
    if (mediaIds.length)
      await tx.postMedia.createMany({ data: mediaIds.map((mediaId, position) => ({ postId, mediaId, position })) });
  }

  list(
    workspaceId: string,
    query: {
      status?: Prisma.PostWhereInput['status'];
      campaignId?: string;
      authorId?: string;
      statement?: boolean;
      limit: number;
      before?: string;
    },
  ) {
    return this.prisma.post.findMany({
      where: {
        workspaceId,
        status: query.status,
        campaignId: query.campaignId,
        authorId: query.authorId,
        statement: query.statement,
        id: query.before ? { lt: query.before } : undefined,
      },
      include: postInclude,
      orderBy: { id: 'desc' },
      take: query.limit,
    });
  }

  addComment(
    tx: Tx,
    workspaceId: string,
    data: {
      postId: string;
      authorId: string;
      kind: Prisma.ReviewCommentUncheckedCreateInput['kind'];
      body: string;
      postVersion: number;
    },
  ) {
    return tx.reviewComment.create({ data: { ...data, workspaceId } });
  }

  comments(workspaceId: string, postId: string) {
    return this.prisma.reviewComment.findMany({
      where: { workspaceId, postId },
      include: { author: { select: { id: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }
}
