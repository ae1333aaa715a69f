import { Injectable } from '@nestjs/common';
import { PrismaService, type Role, type Tx } from '../core/database';
import { UUID_PATTERN } from './object-scopes';

/**
 * Users, sessions, password resets and API tokens. These are not workspace-scoped (a user spans
 * workspaces), except API tokens, whose queries take the workspace id.
 */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findUserByEmail(email: string) {
    return this.prisma.user.findUnique({ where: { email } });
  }

  findUserById(id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }

  createUser(
    tx: Tx,
    data: { email: string; name: string; passwordHash: string; locale: string; timeZone?: string | null },
  ) {
    const { email, name, passwordHash, locale, timeZone } = data;
    return tx.user.create({ data: { email, name, passwordHash, locale, timeZone } });
  }

  updateUser(
    tx: Tx,
    id: string,
    data: { name?: string; locale?: string; timeZone?: string | null; passwordHash?: string },
  ) {
    return tx.user.update({ where: { id }, data });
  }

  /** The user's membership of the workspace named by id or slug (the :workspace of a route), with its workspace. */
  membershipOf(userId: string, workspaceKey: string) {
    return this.prisma.membership.findFirst({
      where: { userId, workspace: UUID_PATTERN.test(workspaceKey) ? { id: workspaceKey } : { slug: workspaceKey } },
      include: { workspace: { select: { id: true, slug: true, timeZone: true } } },
    });
  }

  /** The user's memberships with their workspaces, oldest first (what GET /me shows). */
  listMemberships(userId: string) {
    return this.prisma.membership.findMany({
      where: { userId },
      select: { role: true, workspace: { select: { id: true, slug: true, name: true, timeZone: true, locale: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  createSession(data: { userId: string; tokenHash: string; expiresAt: Date; userAgent?: string; ip?: string }) {
    return this.prisma.session.create({ data });
  }

  /** A live session with its user, or null. */
  findLiveSession(tokenHash: string, now: Date) {
    return this.prisma.session.findFirst({
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now } },
      include: { user: true },
    });
  }

  touchSession(id: string, now: Date) {
    return this.prisma.session.update({ where: { id }, data: { lastSeenAt: now } });
  }

  listLiveSessions(userId: string, now: Date) {
    return this.prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    });
  }

  /** Revokes a session of this user; returns how many were revoked (0: not theirs or gone). */
  async revokeSession(tx: Tx, userId: string, sessionId: string, now: Date): Promise<number> {
    const { count } = await tx.session.updateMany({
      where: { id: sessionId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  async revokeAllSessions(tx: Tx, userId: string, now: Date, exceptSessionId?: string): Promise<number> {
    const { count } = await tx.session.updateMany({
      where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
      data: { revokedAt: now },
    });
    return count;
  }

  /** A new reset link for the user: any older unused one stops working. */
  async replacePasswordReset(tx: Tx, data: { userId: string; tokenHash: string; expiresAt: Date }) {
    await this.voidPasswordResets(tx, data.userId);
    return tx.passwordReset.create({ data });
  }

  /** Unused reset links of the user stop working (a new link, a password change or reset). */
  async voidPasswordResets(tx: Tx, userId: string): Promise<number> {
    const { count } = await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    return count;
  }

  /** Marks a live reset token used; returns its user id, or null when invalid, used or expired. */
  /** Whether a reset link can still be used: checked before the costly hash of the new password. */
  async isLivePasswordReset(tokenHash: string, now: Date): Promise<boolean> {
    return (
      (await this.prisma.passwordReset.count({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } } })) === 1
    );
  }

  async consumePasswordReset(tx: Tx, tokenHash: string, now: Date): Promise<string | null> {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash } });
    if (!reset) return null;
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    return count === 1 ? reset.userId : null;
  }

  createApiToken(
    tx: Tx,
    workspaceId: string,
    data: { userId: string; name: string; tokenHash: string; roleCap: Role; expiresAt: Date | null },
  ) {
    return tx.apiToken.create({ data: { ...data, workspaceId } });
  }

  findLiveApiToken(tokenHash: string, now: Date) {
    return this.prisma.apiToken.findFirst({
      where: { tokenHash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      include: { user: true },
    });
  }

  touchApiToken(id: string, now: Date) {
    return this.prisma.apiToken.update({ where: { id }, data: { lastUsedAt: now } });
  }

  listApiTokens(workspaceId: string, userId: string) {
    return this.prisma.apiToken.findMany({
      where: { workspaceId, userId, revokedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true, roleCap: true, createdAt: true, lastUsedAt: true, expiresAt: true },
    });
  }

  /** Every live personal API token of the user, in every workspace (after a password change or reset). */
  async revokeAllApiTokens(tx: Tx, userId: string, now: Date): Promise<number> {
    const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    return count;
  }

  async revokeApiToken(tx: Tx, workspaceId: string, userId: string, id: string, now: Date): Promise<number> {
    const { count } = await tx.apiToken.updateMany({
      where: { id, workspaceId, userId, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }
}
