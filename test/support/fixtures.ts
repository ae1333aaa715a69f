import { randomBytes } from 'node:crypto';
import { hashPassword, hashToken, newSecretToken } from '../../src/core/crypto';
import { Role, type PrismaClient } from '../../src/core/database';

export const FIXTURE_PASSWORD = 'fixture-password-123';
let passwordHash: Promise<string> | undefined;
const fixturePasswordHash = () => (passwordHash ??= hashPassword(FIXTURE_PASSWORD));

export const ALL_ROLES: Role[] = [Role.VIEWER, Role.EDITOR, Role.COORDINATOR, Role.ADMIN, Role.OWNER];

export interface FixtureUser {
  id: string;
  email: string;
  role: Role;
  /** A live session token: send as `Authorization: Bearer <token>`. */
  token: string;
}

export interface FixtureWorkspace {
  id: string;
  slug: string;
  users: Record<Role, FixtureUser>;
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(5).toString('hex')}`;

/** A user with a live session, created directly (sign-in itself is tested in test/auth). */
export async function createUser(prisma: PrismaClient, options: { email?: string; locale?: string } = {}) {
  const email = options.email ?? `${unique('user')}@test.gaung`;
  const user = await prisma.user.create({
    data: {
      email,
      name: email.split('@')[0]!,
      passwordHash: await fixturePasswordHash(),
      locale: options.locale ?? 'id',
    },
  });
  const token = newSecretToken('gs_');
  await prisma.session.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3600_000) },
  });
  return { id: user.id, email, token };
}

/** A workspace with one member per role, each signed in. */
export async function createWorkspace(
  prisma: PrismaClient,
  options: { timeZone?: string; locale?: string } = {},
): Promise<FixtureWorkspace> {
  const slug = unique('ws');
  const workspace = await prisma.workspace.create({
    data: {
      slug,
      name: `Workspace ${slug}`,
      timeZone: options.timeZone ?? 'Asia/Jakarta',
      locale: options.locale ?? 'id',
    },
  });
  const users = {} as Record<Role, FixtureUser>;
  for (const role of ALL_ROLES) {
    const user = await createUser(prisma, { email: `${role.toLowerCase()}-${slug}@test.gaung` });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: user.id, role } });
    users[role] = { ...user, role };
  }
  return { id: workspace.id, slug, users };
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
