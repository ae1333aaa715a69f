import { Inject, Injectable } from '@nestjs/common';
import { accessActor, auditJson, AuditService } from '../audit/audit.service';
import type { Principal, WorkspaceAccess } from '../auth/auth-context';
import { actorOf, AuthService, type ClientInfo } from '../auth/auth.service';
import { CredentialsRepository } from '../auth/credentials.repository';
import { roleAtLeast } from '../auth/roles';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashPassword, hashToken, newSecretToken } from '../core/crypto';
import { PrismaService, Role, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { Mailer } from '../core/mail';
import { HoldResumeService, type ResumeSummary } from '../publishing';
import { WORKSPACE_TEXT } from './workspaces.messages';
import { WorkspacesRepository } from './workspaces.repository';

const INVITATION_TTL_MS = 7 * 86_400_000;

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly workspaces: WorkspacesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly holds: HoldResumeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The creator becomes its OWNER. */
  async create(principal: Principal, input: { slug: string; name: string; timeZone: string; locale: string }) {
    await this.assertSlugFree(input.slug);
    return this.prisma.$transaction(async (tx) => {
      const workspace = await this.workspaces.create(tx, input);
      await this.workspaces.addMember(tx, workspace.id, principal.userId, Role.OWNER);
      await this.audit.record(tx, {
        workspaceId: workspace.id,
        actor: actorOf(principal),
        action: 'workspace.created',
        subjectType: 'workspace',
        subjectId: workspace.id,
        summary: { after: input },
      });
      return workspace;
    });
  }

  get(access: WorkspaceAccess) {
    return this.workspaces.findById(access.workspaceId);
  }

  async update(access: WorkspaceAccess, changes: { slug?: string; name?: string; timeZone?: string; locale?: string; allowSelfApproval?: boolean }) {
    if (changes.slug) await this.assertSlugFree(changes.slug, access.workspaceId);
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.workspace.findUniqueOrThrow({ where: { id: access.workspaceId } });
      const after = await this.workspaces.update(tx, access.workspaceId, changes);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'workspace.updated',
        subjectType: 'workspace',
        subjectId: access.workspaceId,
        summary: auditJson({ before: pick(before, Object.keys(changes)), after: changes }),
      });
      return after;
    });
  }

  /** Crisis hold: nothing of this workspace publishes, up to the last second, until resumed. */
  async hold(access: WorkspaceAccess, reason: string, resumeAt?: string) {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.workspace.updateMany({
        where: { id: access.workspaceId, heldAt: null },
        data: { heldAt: new Date(), holdReason: reason, holdResumeAt: resumeAt ? new Date(resumeAt) : null, heldById: access.userId },
      });
      if (count === 0) throw AppError.conflict('already_held', WORKSPACE_TEXT.alreadyHeld);
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'workspace.held', subjectType: 'workspace', subjectId: access.workspaceId, summary: { reason, resumeAt: resumeAt ?? null } });
      return this.workspaces.findById(access.workspaceId);
    });
  }

  /** Lifts the hold; deliveries whose time passed follow their campaign's late policy. */
  async resume(access: WorkspaceAccess): Promise<ResumeSummary> {
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.workspace.updateMany({
        where: { id: access.workspaceId, heldAt: { not: null } },
        data: { heldAt: null, holdReason: null, holdResumeAt: null, heldById: null },
      });
      if (count === 0) throw AppError.conflict('not_held', WORKSPACE_TEXT.notHeld);
      await this.audit.record(tx, { workspaceId: access.workspaceId, actor: accessActor(access), action: 'workspace.resumed', subjectType: 'workspace', subjectId: access.workspaceId });
    });
    return this.holds.resumeAfterHold({ workspaceId: access.workspaceId });
  }

  async members(access: WorkspaceAccess) {
    const members = await this.workspaces.listMembers(access.workspaceId);
    return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role, since: m.createdAt }));
  }

  async changeRole(access: WorkspaceAccess, memberId: string, role: Role) {
    await this.prisma.$transaction(async (tx) => {
      const member = await this.workspaces.findMember(tx, access.workspaceId, memberId);
      if (!member) throw AppError.notFound(WORKSPACE_TEXT.member);
      this.assertMayManage(access, member.role, role);
      if (member.role === Role.OWNER && role !== Role.OWNER) await this.assertAnotherOwner(tx, access.workspaceId);
      await this.workspaces.setRole(tx, access.workspaceId, memberId, role);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'member.role_changed',
        subjectType: 'user',
        subjectId: memberId,
        summary: { before: { role: member.role }, after: { role } },
      });
    });
  }

  /** Removes a member (ADMIN+), or the caller themselves when memberId is their own id. */
  async removeMember(access: WorkspaceAccess, memberId: string) {
    await this.prisma.$transaction(async (tx) => {
      const member = await this.workspaces.findMember(tx, access.workspaceId, memberId);
      if (!member) throw AppError.notFound(WORKSPACE_TEXT.member);
      const leaving = memberId === access.userId;
      if (!leaving) this.assertMayManage(access, member.role, member.role);
      if (member.role === Role.OWNER) await this.assertAnotherOwner(tx, access.workspaceId);
      await this.workspaces.removeMember(tx, access.workspaceId, memberId);
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: leaving ? 'member.left' : 'member.removed',
        subjectType: 'user',
        subjectId: memberId,
        summary: { before: { role: member.role } },
      });
    });
  }

  async invite(access: WorkspaceAccess, email: string, role: Role) {
    this.assertMayManage(access, role, role);
    const token = newSecretToken();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
    const invitation = await this.prisma.$transaction(async (tx) => {
      const existing = await this.credentials.findUserByEmail(email);
      if (existing && (await this.workspaces.findMember(tx, access.workspaceId, existing.id))) {
        throw AppError.conflict('already_member', WORKSPACE_TEXT.alreadyMember, { email });
      }
      const created = await this.workspaces.createInvitation(tx, access.workspaceId, {
        email,
        role,
        tokenHash: hashToken(token),
        invitedById: access.userId,
        expiresAt,
      });
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'invitation.created',
        subjectType: 'invitation',
        subjectId: created.id,
        summary: { email, role },
      });
      return created;
    });
    const workspace = await this.workspaces.findById(access.workspaceId);
    const inviteUrl = `${this.config.PUBLIC_BASE_URL}/invitations/accept?token=${token}`;
    const mailed = await this.mailer.send({
      to: email,
      subject: `Undangan bergabung ke ${workspace.name} di Gaung / Invitation to ${workspace.name} on Gaung`,
      text:
        `Anda diundang sebagai ${role} di ${workspace.name}. Buka tautan ini dalam 7 hari:\n${inviteUrl}\n\n` +
        `You are invited as ${role} to ${workspace.name}. Open this link within 7 days:\n${inviteUrl}\n`,
    });
    // Without mail, the one-time link is shown to the admin who made it, once.
    return { id: invitation.id, email, role, expiresAt, mailed, inviteUrl: mailed ? undefined : inviteUrl };
  }

  invitations(access: WorkspaceAccess) {
    return this.workspaces.listOpenInvitations(access.workspaceId, new Date());
  }

  async revokeInvitation(access: WorkspaceAccess, invitationId: string) {
    await this.prisma.$transaction(async (tx) => {
      if ((await this.workspaces.revokeInvitation(tx, access.workspaceId, invitationId, new Date())) === 0) {
        throw AppError.notFound(WORKSPACE_TEXT.invitation);
      }
      await this.audit.record(tx, {
        workspaceId: access.workspaceId,
        actor: accessActor(access),
        action: 'invitation.revoked',
        subjectType: 'invitation',
        subjectId: invitationId,
      });
    });
  }

  /** A signed-in user accepts an invitation addressed to their email. */
  async acceptAsUser(principal: Principal, token: string) {
    return this.prisma.$transaction(async (tx) => {
      const invitation = await this.takeInvitation(tx, token);
      if (invitation.email !== principal.email) {
        throw AppError.forbidden('invitation_other_email', WORKSPACE_TEXT.invitationForOtherEmail, { email: invitation.email });
      }
      return this.join(tx, invitation, principal.userId);
    });
  }

  /** Someone without an account accepts: the account is created with the invitation's email. */
  async acceptAsNewUser(token: string, input: { name: string; password: string; locale: 'id' | 'en' }, client: ClientInfo) {
    const passwordHash = await hashPassword(input.password);
    const { email } = await this.prisma.$transaction(async (tx) => {
      const invitation = await this.takeInvitation(tx, token);
      if (await this.credentials.findUserByEmail(invitation.email)) {
        throw AppError.unauthorized('sign_in_to_accept', WORKSPACE_TEXT.invitationForOtherEmail);
      }
      const user = await this.credentials.createUser(tx, { email: invitation.email, name: input.name, passwordHash, locale: input.locale });
      await this.join(tx, invitation, user.id);
      return user;
    });
    return this.auth.login(email, input.password, client);
  }

  private async takeInvitation(tx: Tx, token: string) {
    const invitation = await this.workspaces.findInvitationByTokenHash(tx, hashToken(token));
    if (!invitation || !(await this.workspaces.markInvitationAccepted(tx, invitation.id, new Date()))) {
      throw AppError.unprocessable('invitation_invalid', WORKSPACE_TEXT.invitationInvalid);
    }
    return invitation;
  }

  private async join(tx: Tx, invitation: { id: string; workspaceId: string; role: Role; workspace: { slug: string; name: string } }, userId: string) {
    if (!(await this.workspaces.findMember(tx, invitation.workspaceId, userId))) {
      await this.workspaces.addMember(tx, invitation.workspaceId, userId, invitation.role);
    }
    await this.audit.record(tx, {
      workspaceId: invitation.workspaceId,
      actor: { userId, kind: 'user' },
      action: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: invitation.id,
      summary: { role: invitation.role },
    });
    return { workspace: invitation.workspace, role: invitation.role };
  }

  /** Admins manage roles up to ADMIN; only an OWNER touches the OWNER role. */
  private assertMayManage(access: WorkspaceAccess, currentRole: Role, newRole: Role): void {
    if ((currentRole === Role.OWNER || newRole === Role.OWNER) && access.role !== Role.OWNER) {
      throw AppError.forbidden('owner_only', WORKSPACE_TEXT.onlyOwnerGrantsOwner);
    }
    if (!roleAtLeast(access.role, newRole)) throw AppError.forbidden();
  }

  private async assertAnotherOwner(tx: Tx, workspaceId: string): Promise<void> {
    if ((await this.workspaces.lockAndCountOwners(tx, workspaceId)) <= 1) {
      throw AppError.conflict('last_owner', WORKSPACE_TEXT.lastOwner);
    }
  }

  private async assertSlugFree(slug: string, exceptWorkspaceId?: string): Promise<void> {
    if ((await this.workspaces.slugTaken(slug, exceptWorkspaceId)) > 0) {
      throw AppError.conflict('slug_taken', WORKSPACE_TEXT.slugTaken, { slug });
    }
  }
}

function pick(source: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(source).filter(([key]) => keys.includes(key)));
}
