import type { Role } from '../../src/core/database';
import { ALL_ROLES, bearer, type FixtureWorkspace } from '../support/fixtures';
import type { TestApp } from '../support/test-app';

export interface Mine {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  targetId: string | null;
  message: string;
  readAt: string | null;
  path: string;
}

/** One user's own notifications in one workspace, through the API. */
export async function mine(t: TestApp, ws: { slug: string }, user: { token: string }, query = ''): Promise<Mine[]> {
  const res = await t.http().get(`/workspaces/${ws.slug}/notifications/mine${query}`).set(bearer(user)).expect(200);
  return res.body.notifications as Mine[];
}

/** Which roles of a workspace hold a notification of this kind about this subject. */
export async function told(t: TestApp, ws: FixtureWorkspace, kind: string, subjectId: string): Promise<Role[]> {
  const roles: Role[] = [];
  for (const role of ALL_ROLES) {
    const list = await mine(t, ws, ws.users[role]);
    if (list.some((n) => n.kind === kind && n.subjectId === subjectId)) roles.push(role);
  }
  return roles;
}

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** A draft by the workspace's EDITOR to one FEED account; returns the post and its target. */
export async function draftPost(t: TestApp, ws: FixtureWorkspace, text = 'Aksi serentak 1 Mei') {
  const account = await t.prisma.connectedAccount.create({
    data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Kanal umpan' },
  });
  const res = await t
    .http()
    .post(`/workspaces/${ws.slug}/posts`)
    .set(bearer(ws.users.EDITOR))
    .send({ baseText: text, targets: [{ accountId: account.id }], schedule: { at: inHours(6), zone: 'Asia/Jakarta' } })
    .expect(201);
  return { postId: res.body.id as string, targetId: res.body.targets[0].id as string, accountId: account.id };
}
