import type { WorkspaceAccess } from '../auth/auth-context';
import { roleAtLeast } from '../auth/roles';
import { Role } from '../core/database';
import { AppError } from '../core/errors';
import { WORKSPACE_TEXT } from './workspaces.messages';

/** Admins manage roles up to ADMIN; only an OWNER touches the OWNER role. */
export function assertMayManage(access: WorkspaceAccess, currentRole: Role, newRole: Role): void {
  if ((currentRole === Role.OWNER || newRole === Role.OWNER) && access.role !== Role.OWNER) {
    throw AppError.forbidden('owner_only', WORKSPACE_TEXT.onlyOwnerGrantsOwner);
  }
  if (!roleAtLeast(access.role, newRole)) throw AppError.forbidden();
}

/**
 * Whether a member with `granterRole` (undefined: no longer a member) may bring someone in as
 * `role`: an ADMIN up to ADMIN, an OWNER up to OWNER. The same rule as assertMayManage, for an
 * invitation checked again when it is accepted.
 */
export function mayGrant(granterRole: Role | undefined, role: Role): boolean {
  return granterRole !== undefined && roleAtLeast(granterRole, Role.ADMIN) && roleAtLeast(granterRole, role);
}
