import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashPassword, hashToken, newSecretToken, verifyPassword } from '../core/crypto';
import { PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import type { Locale } from '../core/i18n';
import { Mailer } from '../core/mail';
import { AUTH_TEXT } from './auth.messages';
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
  constructor(
    private readonly prisma: PrismaService,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Only when REGISTRATION=open; otherwise accounts come from invitations (docs/security.md, rule 12). */
  async register(input: { email: string; name: string; password: string; locale: Locale; timeZone?: string }, client: ClientInfo) {
    if (this.config.REGISTRATION !== 'open') throw AppError.forbidden('registration_closed', AUTH_TEXT.registrationClosed);
    if (await this.credentials.findUserByEmail(input.email)) throw AppError.conflict('email_taken', AUTH_TEXT.emailTaken);
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
    await this.throttle.assertAllowed(email, client.ip);
    const user = await this.credentials.findUserByEmail(email);
    // Verify against a real hash even for unknown emails so timing does not reveal who exists.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, 'sign-in');
    if (!user || !ok) {
      await this.throttle.recordFailure(email, client.ip);
      throw AppError.unauthorized('bad_credentials', AUTH_TEXT.badCredentials);
    }
    await this.throttle.recordSuccess(email, client.ip);
    return this.openSession(user.id, client);
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
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.credentials.touchSession(session.id, now);
    return {
      userId: session.userId,
      email: session.user.email,
      locale: session.user.locale === 'en' ? 'en' : 'id',
      sessionId: session.id,
      apiToken: null,
    };
  }

  listSessions(principal: Principal) {
    return this.credentials.listLiveSessions(principal.userId, new Date());
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
      await this.credentials.updateUser(tx, user.id, { passwordHash });
      // Other sessions end: whoever knew the old password is signed out everywhere else.
      await this.credentials.revokeAllSessions(tx, user.id, new Date(), principal.sessionId ?? undefined);
      await this.audit.record(tx, {
        workspaceId: null,
        actor: actorOf(principal),
        action: 'user.password_changed',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
  }

  /**
   * Always answers the same way whether or not the email exists. The link goes out by mail; without
   * SMTP (development) it is returned so a developer can use it.
   */
  async requestPasswordReset(email: string): Promise<{ mailed: boolean; resetUrl?: string }> {
    const user = await this.credentials.findUserByEmail(email);
    if (!user) return { mailed: this.mailer.enabled };
    const token = newSecretToken();
    await this.prisma.$transaction(async (tx) => {
      await this.credentials.createPasswordReset(tx, { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
      await this.audit.record(tx, {
        workspaceId: null,
        actor: { userId: user.id, kind: 'user' },
        action: 'user.password_reset_requested',
        subjectType: 'user',
        subjectId: user.id,
      });
    });
    const resetUrl = `${this.config.PUBLIC_BASE_URL}/reset-password?token=${token}`;
    const mailed = await this.mailer.send({
      to: user.email,
      subject: user.locale === 'en' ? 'Reset your Gaung password' : 'Atur ulang kata sandi Gaung Anda',
      text:
        user.locale === 'en'
          ? `Open this link within an hour to choose a new password:\n${resetUrl}\n\nIf you did not ask for this, ignore this email.`
          : `Buka tautan ini dalam satu jam untuk memilih kata sandi baru:\n${resetUrl}\n\nJika Anda tidak memintanya, abaikan email ini.`,
    });
    return mailed ? { mailed } : { mailed, resetUrl: this.config.NODE_ENV === 'production' ? undefined : resetUrl };
  }

  async confirmPasswordReset(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.prisma.$transaction(async (tx) => {
      const userId = await this.credentials.consumePasswordReset(tx, hashToken(token), new Date());
      if (!userId) throw AppError.unprocessable('reset_invalid', AUTH_TEXT.resetInvalid);
      await this.credentials.updateUser(tx, userId, { passwordHash });
      await this.credentials.revokeAllSessions(tx, userId, new Date());
      await this.audit.record(tx, {
        workspaceId: null,
        actor: { userId, kind: 'user' },
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  }

  async me(principal: Principal) {
    const user = await this.credentials.findUserById(principal.userId);
    if (!user) throw AppError.unauthorized('session_invalid', AUTH_TEXT.sessionInvalid);
    const memberships = await this.prisma.membership.findMany({
      where: { userId: user.id },
      include: { workspace: { select: { id: true, slug: true, name: true, timeZone: true } } },
      orderBy: { createdAt: 'asc' },
    });
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      timeZone: user.timeZone,
      workspaces: memberships.map((m) => ({ ...m.workspace, role: m.role })),
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
    return this.me(principal);
  }
}

export function actorOf(principal: Principal) {
  return { userId: principal.userId, kind: principal.apiToken ? ('api-token' as const) : ('user' as const) };
}

// A valid scrypt hash of a random string, used to spend equal time on unknown emails.
const DUMMY_HASH =
  'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$0kQ4d7cXJ3x2n4T1l0o8yKq8wQm9Yy8d2c1m3v5b7n0=';
