import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiParam } from '@nestjs/swagger';
import type { Role } from '../core/database';
import { ApiErrors, BEARER_SCHEME, SESSION_COOKIE_SCHEME } from '../core/http';
import type { GaungRequest, Principal, WorkspaceAccess } from './auth-context';
import { AuthGuard, WorkspaceGuard } from './guards';
import { API_TOKENS_ALLOWED, MIN_ROLE } from './min-role';

/**
 * A route under /workspaces/:workspace that needs at least `minimum` there. Personal API tokens
 * (bound to one workspace, capped in role) may call it unless `apiTokens: false`. The minimum and
 * the token rule are published in OpenAPI as x-min-role and x-api-token, which the authorization
 * tests read.
 */
export function WorkspaceRoute(minimum: Role, options: { apiTokens?: boolean } = {}) {
  const apiTokens = options.apiTokens ?? true;
  return applyDecorators(
    SetMetadata(MIN_ROLE, minimum),
    SetMetadata(API_TOKENS_ALLOWED, apiTokens),
    UseGuards(AuthGuard, WorkspaceGuard),
    SignedInSecurity(),
    ApiParam({ name: 'workspace', description: 'Workspace slug or id', schema: { type: 'string' } }),
    ApiExtension('x-min-role', minimum),
    ApiExtension('x-api-token', apiTokens),
    ApiErrors(401, 403, 404),
  );
}

/**
 * A route for a signed-in person (no workspace): a session (bearer or browser cookie), never a
 * personal API token, which answers 403 api_token_not_allowed.
 */
export function SignedIn() {
  return applyDecorators(
    UseGuards(AuthGuard),
    SignedInSecurity(),
    ApiExtension('x-signed-in', true),
    ApiExtension('x-api-token', false),
    ApiErrors(401, 403),
  );
}

/** In the document: a bearer token or the web app's session cookie, either one. */
const SignedInSecurity = () => applyDecorators(ApiBearerAuth(BEARER_SCHEME), ApiCookieAuth(SESSION_COOKIE_SCHEME));

/** The workspace and effective role of the caller (set by WorkspaceGuard). */
export const Access = createParamDecorator((_: unknown, ctx: ExecutionContext): WorkspaceAccess => {
  const access = ctx.switchToHttp().getRequest<GaungRequest>().access;
  if (!access) throw new Error('Access used on a route without @WorkspaceRoute');
  return access;
});

/** The signed-in caller (set by AuthGuard). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<GaungRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without a guard');
  return principal;
});
