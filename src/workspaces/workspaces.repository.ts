import { Injectable } from '@nestjs/common';
import { PrismaService, type Role, type Tx } from '../core/database';
import type { WorkspaceChanges } from './workspaces.schemas';

@Injectable()
export class WorkspacesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** In the caller's transaction when given one (to read a row before changing it). */
  findById(workspaceId: string, db: Tx = this.prisma) {
    return db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  }

  slugTaken(slug: string, exceptWorkspaceId?: string) {
    return this.prisma.workspace.count({
      where: { slug, id: exceptWorkspaceId ? { not: exceptWorkspaceId } : undefined },
    });
  }

  create(tx: Tx, data: { slug: string; name: string; timeZone: string; locale: string }) {
    return tx.workspace.create({ data });
  }

  update(tx: Tx, workspaceId: string, data: WorkspaceChanges) {
    return tx.workspace.update({ where: { id: workspaceId }, data });
  }

  /** Holds the workspace unless it is already held; false when it was. */
  async hold(
    tx: Tx,
    workspaceId: string,
    hold: { reason: string; resumeAt: Date | null; heldById: string },
  ): Promise<boolean> {
    const { count } = await tx.workspace.updateMany({
      where: { id: workspaceId, heldAt: null },
      data: { heldAt: new Date(), holdReason: hold.reason, holdResumeAt: hold.resumeAt, heldById: hold.heldById },
    });
    return count === 1;
  }

  /** Lifts the hold; false when the workspace was not held. */
  async resume(tx: Tx, workspaceId: string): Promise<boolean> {
    const { count } = await tx.workspace.updateMany({
      where: { id: workspaceId, heldAt: { not: null } },
      data: { heldAt: null, holdReason: null, holdResumeAt: null, heldById: null },
    });
    return count === 1;
  }

  listMembers(workspaceId: string) {
    return this.prisma.membership.findMany({
      where: { workspaceId },
      include: { user: { select: { id: true, email: true, name: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  findMember(tx: Tx, workspaceId: string, userId: string) {
    return tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } });
  }

  addMember(tx: Tx, workspaceId: string, userId: string, role: Role) {
    return tx.membership.create({ data: { workspaceId, userId, role } });
  }

  setRole(tx: Tx, workspaceId: string, userId: string, role: Role) {
    return tx.membership.update({ where: { workspaceId_userId: { workspaceId, userId } }, data: { role } });
  }

  removeMember(tx: Tx, workspaceId: string, userId: string) {
    return tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
  }

  /**
   * Owners, counted under a row lock on the workspace so two concurrent demotions cannot both
   * see "another owner is left".
   */
  async lockAndCountOwners(tx: Tx, workspaceId: string): Promise<number> {
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId}::uuid FOR UPDATE`;
    return tx.membership.count({ where: { workspaceId, role: 'OWNER' } });
  }

  createInvitation(
    tx: Tx,
    workspaceId: string,
    data: { email: string; role: Role; tokenHash: string; invitedById: string; expiresAt: Date },
  ) {
    return tx.invitation.create({ data: { ...data, workspaceId } });
  }

  listOpenInvitations(workspaceId: string, now: Date) {
    return this.prisma.invitation.findMany({
      where: { workspaceId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      select: { id: true, email: true, role: true, createdAt: true, expiresAt: true, invitedById: true },
      orderBy: { createdAt: 'desc' },
    });
  }

  async revokeInvitation(tx: Tx, workspaceId: string, invitationId: string, now: Date): Promise<number> {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, workspaceId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  findInvitationByTokenHash(tx: Tx, tokenHash: string) {
    return tx.invitation.findUnique({
      where: { tokenHash },
      include: { workspace: { select: { id: true, slug: true, name: true } } },
    });
  }

  /** Single use: only the first accept of a live invitation wins. */
  async markInvitationAccepted(tx: Tx, invitationId: string, now: Date): Promise<boolean> {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now },
    });
    return count === 1;
  }
}
