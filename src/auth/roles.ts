import { Role } from '../core/database';

/** VIEWER < EDITOR < COORDINATOR < ADMIN < OWNER: each role includes the ones before it. */
export const ROLE_ORDER: readonly Role[] = [Role.VIEWER, Role.EDITOR, Role.COORDINATOR, Role.ADMIN, Role.OWNER];

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(minimum);
}

export function lowerRole(a: Role, b: Role): Role {
  return ROLE_ORDER.indexOf(a) <= ROLE_ORDER.indexOf(b) ? a : b;
}
