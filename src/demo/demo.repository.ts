import type { Platform, Prisma, PrismaClient, Role, Tx } from '../core/database';
import { postInclude, type PostWithTargets } from '../posts/posts.repository';

/**
 * The demo data's writes (demo-seed.ts, demo-history.ts). Built over the seed's own Prisma client or
 * transaction rather than injected: the seed runs from the command line and from tests, outside the
 * Nest app. Every row is written into the workspace it names.
 */
export class DemoRepository {
  constructor(private readonly db: Tx | PrismaClient) {}

  countWorkspaces(slugs: string[]): Promise<number> {
    return this.db.workspace.count({ where: { slug: { in: slugs } } });
  }

  createWorkspace(data: { slug: string; name: string; timeZone: string; locale: string }) {
    return this.db.workspace.create({ data });
  }

  /** A user and their membership of the workspace. */
  async createMember(
    workspaceId: string,
    role: Role,
    user: { email: string; name: string; passwordHash: string; locale: string },
  ): Promise<string> {
    const created = await this.db.user.create({ data: user });
    await this.db.membership.create({ data: { workspaceId, userId: created.id, role } });
    return created.id;
  }

  createAccount(
    workspaceId: string,
    data: Omit<Prisma.ConnectedAccountUncheckedCreateInput, 'workspaceId'> & { platform: Platform },
  ) {
    return this.db.connectedAccount.create({ data: { ...data, workspaceId } });
  }

  async setAccountCredentials(
    workspaceId: string,
    accountId: string,
    sealed: { ciphertext: Uint8Array<ArrayBuffer>; keyId: string },
  ): Promise<void> {
    await this.db.connectedAccount.update({
      where: { id: accountId, workspaceId },
      data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
    });
  }

  createCampaign(workspaceId: string, data: Omit<Prisma.CampaignUncheckedCreateInput, 'workspaceId'>) {
    return this.db.campaign.create({ data: { ...data, workspaceId } });
  }

  /** A post with its targets, read back as the post versions' writer takes it. */
  createPost(
    workspaceId: string,
    data: Omit<Prisma.PostUncheckedCreateInput, 'workspaceId'>,
  ): Promise<PostWithTargets> {
    return this.db.post.create({ include: postInclude, data: { ...data, workspaceId } });
  }

  /** Published history in bulk: posts, then their deliveries, then the deliveries' metric snapshots. */
  async createHistory(rows: {
    posts: Prisma.PostCreateManyInput[];
    targets: Prisma.PostTargetCreateManyInput[];
    snapshots: Prisma.MetricSnapshotCreateManyInput[];
  }): Promise<void> {
    await this.db.post.createMany({ data: rows.posts });
    await this.db.postTarget.createMany({ data: rows.targets });
    await this.db.metricSnapshot.createMany({ data: rows.snapshots });
  }
}
