import { z } from 'zod';
import { zRole, zTimestamp } from '../core/http';

/** The API's answers about sign-in, sessions, the profile and API tokens (one schema per view). */

export const sessionTokenView = z
  .object({
    token: z.string().meta({ description: 'Bearer session token (gs_...); send as Authorization: Bearer' }),
    sessionId: z.string(),
    expiresAt: zTimestamp,
  })
  .meta({ id: 'SessionToken' });

export const sessionView = z
  .object({
    id: z.string(),
    createdAt: zTimestamp,
    expiresAt: zTimestamp,
    lastSeenAt: zTimestamp,
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: 'Session' });

export const passwordResetRequestedView = z
  .object({
    mailed: z.boolean(),
    resetUrl: z.string().optional().meta({ description: 'Only without SMTP outside production, for developers' }),
  })
  .meta({ id: 'PasswordResetRequested' });

export const meView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string().meta({ description: 'id or en' }),
    timeZone: z.string().nullable().meta({ description: "IANA zone; null means each workspace's own" }),
    workspaces: z.array(
      z.object({ id: z.string(), slug: z.string(), name: z.string(), timeZone: z.string(), role: zRole }).meta({ id: 'MyWorkspace' }),
    ),
  })
  .meta({ id: 'Me' });

export const apiTokenView = z
  .object({
    id: z.string(),
    name: z.string(),
    roleCap: zRole,
    createdAt: zTimestamp,
    lastUsedAt: zTimestamp.nullable(),
    expiresAt: zTimestamp.nullable(),
  })
  .meta({ id: 'ApiToken' });

export const apiTokenCreatedView = apiTokenView
  .pick({ id: true, name: true, roleCap: true, expiresAt: true })
  .extend({ token: z.string().meta({ description: 'The token (gat_...), shown only this once' }) })
  .meta({ id: 'ApiTokenCreated' });

export const apiTokenListView = z.array(apiTokenView);

export const sessionListView = z.array(sessionView);
