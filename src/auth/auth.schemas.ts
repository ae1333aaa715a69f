import { z } from 'zod';
import { Role } from '../core/database';
import { zEmail, zIanaZone, zLocale, zName, zPassword } from '../core/http';

export const registerSchema = z
  .object({ email: zEmail, name: zName, password: zPassword, locale: zLocale.default('id'), timeZone: zIanaZone.optional() })
  .strict();
/** `session: "cookie"` (the web app) sets the browser-session cookies instead of returning a token. */
export const loginSchema = z
  .object({ email: zEmail, password: z.string().min(1).max(200), session: z.enum(['bearer', 'cookie']).default('bearer') })
  .strict();
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: zPassword }).strict();
export const resetRequestSchema = z.object({ email: zEmail }).strict();
export const resetConfirmSchema = z.object({ token: z.string().min(20).max(200), newPassword: zPassword }).strict();
export const profileSchema = z
  .object({ name: zName.optional(), locale: zLocale.optional(), timeZone: zIanaZone.nullable().optional() })
  .strict();

const roleSchema = z.enum(Role);

/** GET /me: who I am, my language and zone, and each workspace I belong to with my role there. */
export const meViewSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  timeZone: z.string().nullable(),
  memberships: z.array(
    z.object({
      role: roleSchema,
      workspace: z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string(), locale: z.string() }),
    }),
  ),
  /** The same workspaces, flat (kept for existing API clients). */
  workspaces: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), timeZone: z.string(), role: roleSchema })),
});
export type MeView = z.infer<typeof meViewSchema>;

export const bearerLoginViewSchema = z.object({ token: z.string(), sessionId: z.uuid(), expiresAt: z.iso.datetime() });
export const cookieLoginViewSchema = z.object({ user: meViewSchema, expiresAt: z.iso.datetime() });
export const resetAcceptedSchema = z.object({ accepted: z.literal(true) });
