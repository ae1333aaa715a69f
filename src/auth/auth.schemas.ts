import { z } from 'zod';
import { zEmail, zIanaZone, zLocale, zName, zPassword } from '../core/http';

export const registerSchema = z
  .object({
    email: zEmail,
    name: zName,
    password: zPassword,
    locale: zLocale.default('id'),
    timeZone: zIanaZone.optional(),
  })
  .strict();
/** `session: "cookie"` (the web app) sets the browser-session cookies instead of returning a token. */
export const loginSchema = z
  .object({
    email: zEmail,
    password: z.string().min(1).max(200),
    session: z.enum(['bearer', 'cookie']).default('bearer'),
  })
  .strict();
export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: zPassword })
  .strict();
export const resetRequestSchema = z.object({ email: zEmail }).strict();
export const resetConfirmSchema = z.object({ token: z.string().min(20).max(200), newPassword: zPassword }).strict();
export const profileSchema = z
  .object({ name: zName.optional(), locale: zLocale.optional(), timeZone: zIanaZone.nullable().optional() })
  .strict();
