import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../core/audit';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashPassword, hashToken, newSecretToken, verifyPassword } from '../core/crypto';
import { PrismaService, type Tx } from '../core/database';
import { AppError } from '../core/errors';
import type { Locale } from '../core/i18n';
import { Mailer } from '../core/mail';
import { AUTH_TEXT } from './auth.messages';
import type { MeView } from './auth-views';
import type { Principal } from './auth-context';
import { CredentialsRepository } from './credentials.repository';
import { LoginThrottleService } from './login-throttle.service';

export const SESSION_TOKEN_PREFIX = 'gs_';
const RESET_TTL_MS = 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Only when REGISTRATION=open; otherwise accounts come from invitations (docs/security.md, rule 12). */
  async register(
    input: { email: string; name: string; password: string; locale: Locale; timeZone?: string },
    client: ClientInfo,
  ) {
    if (this.config.REGISTRATION !== 'open')
      throw AppError.forbidden('registration_closed', AUTH_TEXT.registrationClosed);
    if (await this.credentials.findUserByEmail(input.email))
      throw AppError.conflict('email_taken', AUTH_TEXT.emailTaken);
    const passwordHash = await hashPassword(input.password);
    const user = await this.prisma.$transaction(async (tx) => {
      const created = await this.credentials.createUser(tx, { ...input, passwordHash });
      await this.audit.record(tx, {
        workspaceId: null,
        actor: { userId: created.id, kind: 'user' },
        action: 'user.registered',
        subjectType: 'user',
        subjectId: created.id,
      });
      return created;
    });
    return this.openSession(user.id, client);
  }

  async login(email: string, password: string, client: ClientInfo) {
    const user = await this.checkCredentials(email, password, client);
    return this.openSession(user.id, client);
  }

  /** Sign-in for the browser: the caller puts the token in cookies; the page gets who signed in. */
  async loginForBrowser(email: string, password: string, client: ClientInfo) {
    const user = await this.checkCredentials(email, password, client);
    const session = await this.openSession(user.id, client);
    return { session, user: await this.me(user.id) };
  }

  private async checkCredentials(email: string, password: string, client: ClientInfo) {
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.credentials.findUserByEmail(email);
    // Verify against a real hash even for unknown emails so timing does not reveal who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, 'sign-in');
    if (!user || !ok) {
      await this.throttle.recordFailure(email, client.ip);
      throw AppError.unauthorized('bad_credentials', AUTH_TEXT.badCredentials);
    }
    await this.throttle.recordSuccess(email, client.ip);
    return user;
  }

  private async openSession(userId: string, client: ClientInfo) {
    const token = newSecretToken(SESSION_TOKEN_PREFIX);
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3600_000);
    const session = await this.credentials.createSession({
      userId,
      tokenHash: hashToken(token),
      expiresAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500),
    });
    return { token, sessionId: session.id, expiresAt };
  }

  /** The principal behind a session token, or null when unknown, revoked or expired. */
  async authenticateSession(token: string): Promise<Principal | null> {
    const now = new Date();
    const session = await this.credentials.findLiveSession(hashToken(token), now);
    if (!session) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS)
      await this.credentials.touchSession(session.id, now);
    return {
      userId: session.userId,
      email: session.user.email,
      locale: session.user.locale === 'en' ? 'en' : 'id',
      sessionId: session.id,
      apiToken: null,
    };
  }

  /** My live sessions, the one asking marked `current` (none when asked with an API token). */
  async listSessions(principal: Principal) {
    const sessions = await this.credentials.listLiveSessions(principal.userId, new Date());
    return sessions.map((session) => ({ ...session, current: session.id === principal.sessionId }));
  }

  async revokeSession(principal: Principal, sessionId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const revoked = await this.credentials.revokeSession(tx, principal.userId, sessionId, new Date());
      if (revoked === 0) throw AppError.notFound(AUTH_TEXT.session);
      await this.audit.record(tx, {
        workspaceId: null,
        actor: actorOf(principal),
        action: 'session.revoked',
        subjectType: 'session',
        subjectId: sessionId,
      });
    });
  }

  async changePassword(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.credentials.findUserById(principal.userId);
    if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
      throw AppError.unprocessable('wrong_password', AUTH_TEXT.wrongPassword);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.prisma.$transaction(async (tx) => {
      // Whoever knew the old password is signed out everywhere else, keeps no API token or reset link.
      const ended = await this.setPassword(tx, user.id, passwordHash, principal.sessionId ?? undefined);
      await this.audit.record(tx, {
        workspaceId: null,
        actor: actorOf(principal),
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: user.id,
        summary: ended,
      });
    });
  }

  /**
   * Answers nothing about the address: the caller gets the same 202 whether or not it exists, and
   * the link only ever goes to the mailbox (SMTP, or the operator's outbox without SMTP), in every
   * NODE_ENV. The link is made and mailed after the answer, so the answer's time does not tell either.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.credentials.findUserByEmail(email);
    if (!user) return;
    void this.sendResetLink(user).catch((error: unknown) => {
      this.logger.warn({ msg: 'password reset link not made', userId: user.id, reason: (error as Error).message });
    });
  }

  private async sendResetLink(user: { id: string; email: string; locale: string }): Promise<void> {
    const token = newSecretToken();
    await this.prisma.$transaction(async (tx) => {
      await this.credentials.replacePasswordReset(tx, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + RESET_TTL_MS),
      });
      await this.audit.record(tx, {
        workspaceId: null,
        actor: { userId: user.id, kind: 'user' },
        action: 'user.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
    // The web app's page for choosing the new password (served at /app).
    const resetUrl = `${this.config.PUBLIC_BASE_URL}/app/password-reset/confirm?token=${token}`;
    await this.mailer.send({
      to: user.email,
      subject: user.locale === 'en' ? 'Reset your Gaung password' : 'Atur ulang kata sandi Gaung Anda',
      text:
        user.locale === 'en'
          ? `Open this link within an hour to choose a new password:\n${resetUrl}\n\nIf you did not ask for this, ignore this email.`
          : `Buka tautan ini dalam satu jam untuk memilih kata sandi baru:\n${resetUrl}\n\nJika Anda tidak memintanya, abaikan email ini.`,
    });
  }

  async confirmPasswordReset(token: string, newPassword: string): Promise<void> {
    // A dead link is refused before the costly hash; consuming it below checks again, atomically.
    if (!(await this.credentials.isLivePasswordReset(hashToken(token), new Date())))
      throw AppError.unprocessable('reset_invalid', AUTH_TEXT.resetInvalid);
    const passwordHash = await hashPassword(newPassword);
    await this.prisma.$transaction(async (tx) => {
      const userId = await this.credentials.consumePasswordReset(tx, hashToken(token), new Date());
      if (!userId) throw AppError.unprocessable('reset_invalid', AUTH_TEXT.resetInvalid);
      const ended = await this.setPassword(tx, userId, passwordHash);
      await this.audit.record(tx, {
        workspaceId: null,
        actor: { userId, kind: 'user' },
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: userId,
        summary: ended,
      });
    });
  }

  /**
   * A new password ends what the old one let anyone set up: every session (but the one making the
   * change), every personal API token, every unused reset link.
   */
  private async setPassword(tx: Tx, userId: string, passwordHash: string, keepSessionId?: string) {
    const now = new Date();
    await this.credentials.updateUser(tx, userId, { passwordHash });
    return {
      sessionsEnded: await this.credentials.revokeAllSessions(tx, userId, now, keepSessionId),
      apiTokensRevoked: await this.credentials.revokeAllApiTokens(tx, userId, now),
      resetLinksVoided: await this.credentials.voidPasswordResets(tx, userId),
    };
  }

  async me(userId: string): Promise<MeView> {
    const user = await this.credentials.findUserById(userId);
    if (!user) throw AppError.unauthorized('session_expired', AUTH_TEXT.sessionInvalid);
    const memberships = await this.credentials.listMemberships(user.id);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      timeZone: user.timeZone,
      memberships: memberships.map((m) => ({ role: m.role, workspace: m.workspace })),
      workspaces: memberships.map(({ role, workspace: { id, slug, name, timeZone } }) => ({
        id,
        slug,
        name,
        timeZone,
        role,
      })),
    };
  }

  async updateProfile(principal: Principal, changes: { name?: string; locale?: Locale; timeZone?: string | null }) {
    await this.prisma.$transaction(async (tx) => {
      await this.credentials.updateUser(tx, principal.userId, changes);
      await this.audit.record(tx, {
        workspaceId: null,
        actor: actorOf(principal),
        action: 'user.profile_updated',
        subjectType: 'user',
        subjectId: principal.userId,
        summary: { after: changes },
      });
    });
    return this.me(principal.userId);
  }
}

export function actorOf(principal: Principal) {
  return { userId: principal.userId, kind: principal.apiToken ? ('api-token' as const) : ('user' as const) };
}

// A valid scrypt hash of a random string, used to spend equal time on unknown emails.
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0kQ4d7cXJ3x2n4T1l0o8yKq8wQm9Yy8d2c1m3v5b7n0=';
