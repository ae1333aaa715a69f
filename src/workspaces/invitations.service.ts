import { Inject, Injectable } from '@nestjs/common';
import { accessActor, AuditService } from '../core/audit';
import type { Principal, WorkspaceAccess } from '../auth/auth-context';
import { AuthService, type ClientInfo } from '../auth/auth.service';
import { CredentialsRepository } from '../auth/credentials.repository';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashPassword, hashToken, newSecretToken } from '../core/crypto';
import { PrismaService, type Role, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import { inBothLanguages } from '../core/i18n';
import { Mailer } from '../core/mail';
import { assertMayManage, mayGrant } from './member-rights';
import { WORKSPACE_TEXT } from './workspaces.messages';
import { WorkspacesRepository } from './workspaces.repository';

const INVITATION_TTL_MS = 7 * 86_400_000;

type FoundInvitation = NonNullable<Awaited<ReturnType<WorkspacesRepository['findInvitationByTokenHash']>>>;

/** Invitations to a workspace: made by an ADMIN+, accepted once, checked again at acceptance. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly workspaces: WorkspacesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async invite(access: WorkspaceAccess, email: string, role: Role) {
    assertMayManage(access, role, role);
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
    // The web desk's invitation page (sign up or sign in, then accept); the API route is POST only.
    const inviteUrl = `${this.config.PUBLIC_BASE_URL}/app/invitations/accept?token=${token}`;
    const mailed = await this.mailer.send({
      to: email,
      // The invitee has no account yet, so no language: the mail speaks both.
      subject: inBothLanguages(WORKSPACE_TEXT.invitationMailSubject, { workspace: workspace.name }),
      text: inBothLanguages(
        WORKSPACE_TEXT.invitationMailText,
        { role, workspace: workspace.name, url: inviteUrl },
        '\n',
      ),
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
        throw AppError.forbidden('invitation_other_email', WORKSPACE_TEXT.invitationForOtherEmail, {
          email: invitation.email,
        });
      }
      return this.join(tx, invitation, principal.userId);
    });
  }

  /**
   * Someone without an account accepts: the account is created with the invitation's email. The
   * invitation is checked before the password is hashed, so a made-up token costs no hash.
   */
  async acceptAsNewUser(
    token: string,
    input: { name: string; password: string; locale: 'id' | 'en' },
    client: ClientInfo,
  ) {
    const email = await this.joinAsNewUser(token, input);
    return this.auth.login(email, input.password, client);
  }

  /** The same, signed in for the browser: the caller sets the session cookies; the page gets who signed in. */
  async acceptAsNewBrowserUser(
    token: string,
    input: { name: string; password: string; locale: 'id' | 'en' },
    client: ClientInfo,
  ) {
    const email = await this.joinAsNewUser(token, input);
    return this.auth.loginForBrowser(email, input.password, client);
  }

  /** Creates the invitee's account and membership in one transaction; answers the email to sign in with. */
  private async joinAsNewUser(
    token: string,
    input: { name: string; password: string; locale: 'id' | 'en' },
  ): Promise<string> {
    const { email: invitedEmail } = await this.checkInvitation(this.prisma, token);
    const signInFirst = () => AppError.unauthorized('sign_in_to_accept', WORKSPACE_TEXT.invitationForOtherEmail);
    if (await this.credentials.findUserByEmail(invitedEmail)) throw signInFirst();
    const passwordHash = await hashPassword(input.password);
    const { email } = await this.prisma.$transaction(async (tx) => {
      const invitation = await this.takeInvitation(tx, token);
      if (await this.credentials.findUserByEmail(invitation.email)) throw signInFirst();
      const user = await this.credentials.createUser(tx, {
        email: invitation.email,
        name: input.name,
        passwordHash,
        locale: input.locale,
      });
      await this.join(tx, invitation, user.id);
      return user;
    });
    return email;
  }

  /** Marks a live invitation accepted, after checking it again under the transaction. */
  private async takeInvitation(tx: Tx, token: string): Promise<FoundInvitation> {
    const invitation = await this.checkInvitation(tx, token);
    if (!(await this.workspaces.markInvitationAccepted(tx, invitation.id, new Date()))) {
      throw AppError.unprocessable('invitation_invalid', WORKSPACE_TEXT.invitationInvalid);
    }
    return invitation;
  }

  /**
   * Live, and its inviter may still grant its role today: an invitation does not outlive its
   * inviter's removal or demotion (docs/security.md, rule 9). Answers the same for an unknown,
   * used, revoked or expired token.
   */
  private async checkInvitation(tx: Tx, token: string): Promise<FoundInvitation> {
    const invitation = await this.workspaces.findInvitationByTokenHash(tx, hashToken(token));
    const now = Date.now();
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= now) {
      throw AppError.unprocessable('invitation_invalid', WORKSPACE_TEXT.invitationInvalid);
    }
    const inviter = await this.workspaces.findMember(tx, invitation.workspaceId, invitation.invitedById);
    if (!mayGrant(inviter?.role, invitation.role)) {
      throw AppError.unprocessable('invitation_inviter_lost_rights', WORKSPACE_TEXT.invitationInviterLostRights);
    }
    return invitation;
  }

  private async join(tx: Tx, invitation: FoundInvitation, userId: string) {
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
}
