// Bodies the OpenAPI document does not describe yet (its routes answer without a response schema,
// so the generated client types them as unknown). Written to the API's answers and the
// browser-session contract; replace each with the generated type once the document has it.

export type Role = 'VIEWER' | 'EDITOR' | 'COORDINATOR' | 'ADMIN' | 'OWNER';
export type Language = 'id' | 'en';

export interface Membership {
  role: Role;
  workspace: { id: string; slug: string; name: string; timeZone: string; locale?: Language | null };
}

export interface Me {
  id: string;
  email: string;
  name: string;
  locale: Language | null;
  timeZone: string | null;
  memberships: Membership[];
}

export interface CookieSignIn {
  user: { id: string; email: string; name?: string };
  expiresAt: string;
}

export interface Hold {
  heldAt: string;
  reason: string | null;
  resumeAt: string | null;
}

export interface CampaignHold {
  id: string;
  name: string;
  heldAt: string;
  holdReason: string | null;
  holdResumeAt: string | null;
}

export interface WorkspaceSettings {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  locale: Language;
  heldAt: string | null;
  holdReason: string | null;
  holdResumeAt: string | null;
}
