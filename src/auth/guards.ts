import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { hashToken } from '../core/crypto';
import type { Role } from '../core/database';
import { AppError } from '../core/errors';
import { requestContext } from '../core/logging';
import { AUTH_TEXT } from './auth.messages';
import { AuthService, SESSION_TOKEN_PREFIX } from './auth.service';
import { BrowserSession } from './browser-session';
import type { GaungRequest, Principal } from './auth-context';
import { CredentialsRepository } from './credentials.repository';
import { API_TOKENS_ALLOWED, MIN_ROLE } from './min-role';
import { OBJECT_SCOPES, UUID_PATTERN } from './object-scopes';
import { ObjectScopesRepository } from './object-scopes.repository';
import { lowerRole, roleAtLeast } from './roles';

export const API_TOKEN_PREFIX = 'gat_';

const sessionExpired = () => AppError.unauthorized('session_expired', AUTH_TEXT.sessionInvalid);

/**
 * Authenticates a bearer session token, a personal API token, or the browser's session cookie
 * (then CSRF-checked); 401 otherwise. Personal API tokens pass only routes marked for them
 * (@WorkspaceRoute): everything else is for signed-in people (default deny).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly credentials: CredentialsRepository,
    private readonly browser: BrowserSession,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GaungRequest>();
    const cookieToken = request.header('authorization') === undefined ? this.browser.sessionToken(request) : undefined;
    const principal =
      cookieToken === undefined
        ? await this.fromBearer(request)
        : await this.fromCookie(cookieToken, context.switchToHttp().getResponse<Response>());
    // Known from here on: refusals below speak the caller's own language.
    request.principal = principal;
    const ctx = requestContext.current();
    if (ctx) {
      ctx.userId = principal.userId;
      ctx.locale = principal.locale;
    }
    if (cookieToken !== undefined) this.browser.assertCsrf(request, cookieToken);
    if (
      principal.apiToken &&
      !this.reflector.getAllAndOverride<boolean>(API_TOKENS_ALLOWED, [context.getHandler(), context.getClass()])
    ) {
      throw AppError.forbidden('api_token_not_allowed', AUTH_TEXT.apiTokenNotAllowed);
    }
    return true;
  }

  private async fromBearer(request: GaungRequest): Promise<Principal> {
    const token = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
    if (!token) throw AppError.unauthorized();
    const principal = token.startsWith(API_TOKEN_PREFIX)
      ? await this.fromApiToken(token)
      : token.startsWith(SESSION_TOKEN_PREFIX)
        ? await this.auth.authenticateSession(token)
        : null;
    if (!principal) throw sessionExpired();
    return principal;
  }

  /** The browser's session: a dead one also clears its cookies, so the page starts clean at sign-in. */
  private async fromCookie(token: string, response: Response): Promise<Principal> {
    const principal = token.startsWith(SESSION_TOKEN_PREFIX) ? await this.auth.authenticateSession(token) : null;
    if (!principal) {
      this.browser.clear(response);
      throw sessionExpired();
    }
    return principal;
  }

  private async fromApiToken(token: string): Promise<Principal | null> {
    const now = new Date();
    const found = await this.credentials.findLiveApiToken(hashToken(token), now);
    if (!found) return null;
    if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > 60_000)
      await this.credentials.touchApiToken(found.id, now);
    return {
      userId: found.userId,
      email: found.user.email,
      locale: found.user.locale === 'en' ? 'en' : 'id',
      sessionId: null,
      apiToken: { id: found.id, workspaceId: found.workspaceId, roleCap: found.roleCap },
    };
  }
}

/**
 * Resolves :workspace (slug or id) from the caller's own memberships, never from the body: not a
 * member answers 404 (ids cannot be probed). Checks the route's minimum role (403), caps it by an
 * API token's role, and checks that every object named in the path belongs to the workspace (404).
 */
@Injectable()
export class WorkspaceGuard implements CanActivate {
  constructor(
    private readonly scopes: ObjectScopesRepository,
    private readonly credentials: CredentialsRepository,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GaungRequest>();
    const principal = request.principal;
    if (!principal) throw AppError.unauthorized();
    const key = String(request.params.workspace ?? '');
    const membership = await this.credentials.membershipOf(principal.userId, key);
    if (!membership) throw AppError.notFound(AUTH_TEXT.workspace);
    let role: Role = membership.role;
    if (principal.apiToken) {
      if (principal.apiToken.workspaceId !== membership.workspaceId) throw AppError.notFound(AUTH_TEXT.workspace);
      role = lowerRole(role, principal.apiToken.roleCap);
    }
    await this.assertObjectsBelong(request, membership.workspaceId);
    const minimum = this.reflector.getAllAndOverride<Role>(MIN_ROLE, [context.getHandler(), context.getClass()]);
    if (minimum && !roleAtLeast(role, minimum)) throw AppError.forbidden();
    request.access = {
      workspaceId: membership.workspaceId,
      workspaceSlug: membership.workspace.slug,
      timeZone: membership.workspace.timeZone,
      userId: principal.userId,
      role,
      actorKind: principal.apiToken ? 'api-token' : 'user',
    };
    return true;
  }

  private async assertObjectsBelong(request: GaungRequest, workspaceId: string): Promise<void> {
    for (const [name, value] of Object.entries(request.params)) {
      const scope = OBJECT_SCOPES[name];
      if (!scope) continue;
      const id = String(value);
      if (!UUID_PATTERN.test(id) || !(await scope.belongs(this.scopes, workspaceId, id)))
        throw AppError.notFound(scope.what);
    }
  }
}
