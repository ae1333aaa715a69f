import { z } from 'zod';
import {
  changesSomething,
  NOTHING_TO_CHANGE,
  zEmail,
  zIanaZone,
  zInstant,
  zLocale,
  zName,
  zPassword,
  zRole,
} from '../core/http';
import { zAltTextPolicy } from './workspace-views';
import { inputMessage } from '../core/i18n';

const zSlug = z
  .string()
  .min(2)
  .max(64)
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    inputMessage({ id: 'Huruf kecil, angka dan tanda hubung', en: 'Lower-case letters, digits and hyphens' }),
  );

export const createWorkspaceSchema = z
  .object({ slug: zSlug, name: zName, timeZone: zIanaZone.default('Asia/Jakarta'), locale: zLocale.default('id') })
  .strict();
export const updateWorkspaceSchema = z
  .object({
    slug: zSlug,
    name: zName,
    timeZone: zIanaZone,
    locale: zLocale,
    allowSelfApproval: z.boolean(),
    openToPartnerInvitations: z.boolean(),
    altTextPolicy: zAltTextPolicy,
  })
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export const changeRoleSchema = z.object({ role: zRole }).strict();
export const inviteSchema = z.object({ email: zEmail, role: zRole }).strict();
export const acceptSchema = z.object({ token: z.string().min(20).max(200) }).strict();
export const acceptNewSchema = z
  .object({
    token: z.string().min(20).max(200),
    name: zName,
    password: zPassword,
    locale: zLocale.default('id'),
    session: z.enum(['bearer', 'cookie']).default('bearer').meta({
      description: 'As in POST /auth/login: "cookie" (the web app) signs the browser in with the session cookies',
    }),
  })
  .strict();
/** A crisis hold of a workspace or of one of its campaigns. */
export const holdSchema = z
  .object({ reason: z.string().trim().min(3).max(1000), resumeAt: zInstant.optional() })
  .strict()
  .meta({ id: 'HoldInput', description: 'A crisis hold; resumeAt resumes automatically' });

export type WorkspaceChanges = z.infer<typeof updateWorkspaceSchema>;
