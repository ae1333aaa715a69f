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

const sessionView = z
  .object({
    id: z.string(),
    createdAt: zTimestamp,
    expiresAt: zTimestamp,
    lastSeenAt: zTimestamp,
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean().meta({ description: 'The session this request came with: the device asking' }),
  })
  .meta({ id: 'Session' });

export const passwordResetRequestedView = z
  .object({
    accepted: z.literal(true).meta({ description: 'Always true: the answer does not tell whether the email exists' }),
  })
  .meta({ id: 'PasswordResetRequested' });

const membershipView = z
  .object({
    role: zRole,
    workspace: z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      timeZone: z.string(),
      locale: z.string(),
    }),
  })
  .meta({ id: 'Membership' });

/** GET /me: who I am, my language and zone, and each workspace I belong to with my role there. */
export const meView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: z.string().meta({ description: 'id or en' }),
    timeZone: z.string().nullable().meta({ description: "IANA zone; null means each workspace's own" }),
    memberships: z.array(membershipView),
    workspaces: z
      .array(
        z
          .object({ id: z.string(), slug: z.string(), name: z.string(), timeZone: z.string(), role: zRole })
          .meta({ id: 'MyWorkspace' }),
      )
      .meta({ description: 'The same workspaces as memberships, flat (kept for existing API clients)' }),
  })
  .meta({ id: 'Me' });

export type MeView = z.output<typeof meView>;

/** POST /auth/login with session "cookie": the session is in the cookies, the page learns who signed in. */
const browserSignInView = z.object({ user: meView, expiresAt: zTimestamp }).meta({ id: 'BrowserSignIn' });

/** POST /auth/login answers a bearer token, or (session "cookie") who signed in. */
export const signInView = z.union([sessionTokenView, browserSignInView]).meta({ id: 'SignIn' });

const apiTokenView = z
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
