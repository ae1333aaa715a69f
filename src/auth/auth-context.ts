import type { Request } from 'express';
import type { Role } from '../core/database';
import type { Locale } from '../core/i18n';

/** Who is calling: set by AuthGuard. */
export interface Principal {
  userId: string;
  email: string;
  locale: Locale;
  /** The session used, when signed in with one (not for API tokens). */
  sessionId: string | null;
  /** Present when the caller used a personal API token: it is bound to one workspace and a role cap. */
  apiToken: { id: string; workspaceId: string; roleCap: Role } | null;
}

/** The workspace a route acts in and the caller's effective role there: set by WorkspaceGuard. */
export interface WorkspaceAccess {
  workspaceId: string;
  workspaceSlug: string;
  timeZone: string;
  userId: string;
  role: Role;
  actorKind: 'user' | 'api-token';
}

export interface GaungRequest extends Request {
  principal?: Principal;
  access?: WorkspaceAccess;
}
