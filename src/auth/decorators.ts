import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiExtension, ApiParam } from '@nestjs/swagger';
import type { Role } from '../core/database';
import { ApiErrors, BEARER_SCHEME, SESSION_COOKIE_SCHEME } from '../core/http';
import type { GaungRequest, Principal, WorkspaceAccess } from './auth-context';
import { AuthGuard, WorkspaceGuard } from './guards';
import { MIN_ROLE } from './min-role';

/**
 * A route under /workspaces/:workspace that needs at least `minimum` there. The minimum is also
 * published in OpenAPI as x-min-role, which the authorization matrix test reads.
 */
export function WorkspaceRoute(minimum: Role) {
  return applyDecorators(
    SetMetadata(MIN_ROLE, minimum),
    UseGuards(AuthGuard, WorkspaceGuard),
    SignedInSecurity(),
    ApiParam({ name: 'workspace', description: 'Workspace slug or id', schema: { type: 'string' } }),
    ApiExtension('x-min-role', minimum),
    ApiErrors(401, 403, 404),
  );
}

/** A route for any signed-in user (no workspace). */
export function SignedIn() {
  return applyDecorators(UseGuards(AuthGuard), SignedInSecurity(), ApiExtension('x-signed-in', true), ApiErrors(401));
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
