import { roleAtLeast } from '../../api/session';
import type { Role } from '../../api/types';

/** Coordinators create, edit, hold and resume campaigns; admins hold the whole workspace (README, "Roles"). */
export const mayHoldCampaigns = (role: Role) => roleAtLeast(role, 'COORDINATOR');
export const mayHoldWorkspace = (role: Role) => roleAtLeast(role, 'ADMIN');
