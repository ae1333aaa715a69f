import type { PrismaClient } from '../../src/core/database';
import type { FixtureWorkspace } from '../support/fixtures';

/** An approved post with one delivery to `accountId` in the given state, due in an hour. */
export async function deliveryTo(
  prisma: PrismaClient,
  ws: FixtureWorkspace,
  accountId: string,
  state: 'PENDING' | 'SCHEDULED' | 'HELD' | 'PUBLISHED',
  dueInMs = 3600_000,
) {
  const scheduledAt = new Date(Date.now() + dueInMs);
  const post = await prisma.post.create({
    data: {
      workspaceId: ws.id,
      authorId: ws.users.EDITOR.id,
      baseText: `Aksi buruh ${state}`,
      status: 'APPROVED',
      version: 1,
      approvedVersion: 1,
      approvedAt: new Date(),
      scheduledAt,
      scheduleZone: 'Asia/Jakarta',
      targets: { create: { workspaceId: ws.id, accountId, state, version: 1, dueAt: scheduledAt } },
    },
    include: { targets: true },
  });
  return post.targets[0]!;
}
