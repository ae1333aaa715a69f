// Bodies the OpenAPI document does not describe yet (its routes answer without a response schema,
// so the generated client types them as unknown). Written to the API's answers and the
// browser-session contract; replace each with the generated type once the document has it.

import type { components } from './schema';

// The domain's enumerations come from the API's schema (the Prisma enums), never a copy.
export type Role = components['schemas']['Role'];
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
  allowSelfApproval: boolean;
  openToPartnerInvitations: boolean;
  altTextPolicy: components['schemas']['AltTextPolicy'];
}

export type Platform = components['schemas']['Platform'];
export type EditorialStatus = components['schemas']['PostStatus'];
export type DeliveryState = components['schemas']['DeliveryState'];

export interface CalendarPost {
  id: string;
  workspace: { id: string; slug: string; name: string };
  /** A partner's post in a joint campaign: shown, never editable here. */
  readOnly: boolean;
  campaign: { id: string; name: string; color: string | null; held: boolean } | null;
  author: { id: string; name: string };
  status: EditorialStatus;
  /** What the post looks like to people: editorial status and deliveries together (decided by the API). */
  displayState: components['schemas']['DisplayState'];
  version: number;
  scheduledAt: string;
  scheduleZone: string;
  excerpt: string;
  targets: { id: string; state: DeliveryState; platform: Platform; accountName: string }[];
}

export interface CalendarDate {
  date: string;
  title: string;
  source: 'holiday' | 'key-date';
  kind?: string | null;
  isMayDay: boolean;
}

export interface CalendarView {
  zone: string;
  from: string;
  to: string;
  posts: CalendarPost[];
  nextAfter: string | null;
  dates: CalendarDate[];
  holds: { workspace: Hold | null; campaigns: CampaignHold[] };
}

export interface CampaignSummary {
  id: string;
  name: string;
  color: string | null;
}

export interface AccountSummary {
  id: string;
  platform: Platform;
  displayName: string;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
}
