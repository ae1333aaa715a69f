// Bodies of the editorial routes (posts, review, campaigns, media, deliveries) as the API answers
// them; the OpenAPI document does not describe these answers yet, so they are written here.
// Fields the editorial API adds later (displayState, publishNow, previewUrl...) are optional.
import type { components } from './schema';
import type { DeliveryState, EditorialStatus, Platform } from './types';

export interface Issue {
  code: string;
  message: string;
}

export interface TargetIssues {
  index: number;
  accountId: string;
  accountName: string;
  platform: Platform;
  issues: Issue[];
  /** Worth fixing, not blocking submission (images without alt text when the workspace only recommends it). */
  warnings: Issue[];
}

export interface PostTarget {
  id: string;
  accountId: string;
  platform: Platform;
  accountName: string;
  text: string | null;
  state: DeliveryState;
  dueAt: string | null;
  externalUrl: string | null;
  publishedAt: string | null;
  lastError: string | null;
  issues: Issue[];
  warnings: Issue[];
}

export interface Post {
  id: string;
  workspaceId: string;
  campaign: { id: string; name: string; color: string | null } | null;
  authorId: string;
  title: string | null;
  baseText: string;
  scheduledAt: string | null;
  scheduleZone: string | null;
  publishNow?: boolean;
  /** A rapid-response statement: published to every target when a second person releases it. */
  statement?: boolean;
  notAfter: string | null;
  status: EditorialStatus;
  displayState?: string;
  version: number;
  approvedVersion: number | null;
  approvedById: string | null;
  mediaIds: string[];
  targets: PostTarget[];
  /** What the reader may do now, by the rules the action routes apply (four eyes included). */
  actions: PostActions;
  createdAt: string;
  updatedAt: string;
}

export type PostActions = components['schemas']['PostActions'];
/** One kept version of a post: texts per target, time, editor (GET .../posts/:id/versions). */
export type PostVersion = components['schemas']['PostVersion'];

export interface PostDraft {
  campaignId: string | null;
  title: string | null;
  baseText: string;
  targets: { accountId: string; text: string | null }[];
  /** Wall-clock time plus zone, or null for no time yet. */
  schedule: { at: string; zone: string } | null;
  publishNow: boolean;
  notAfter: string | null;
  mediaIds: string[];
}

/** What the API says about a draft without storing it. */
export interface DraftCheck {
  submittable: boolean;
  issues: TargetIssues[];
}

export interface ReviewComment {
  id: string;
  kind: components['schemas']['CommentKind'];
  body: string;
  postVersion: number;
  createdAt: string;
  author: { id: string; name: string };
}

export type LatePolicy = components['schemas']['LatePolicy'];

export interface Campaign {
  id: string;
  workspaceId: string;
  name: string;
  goal: string | null;
  keyMessages: string[];
  hashtags: string[];
  color: string;
  startsAt: string | null;
  endsAt: string | null;
  timeZone: string;
  latePolicy: LatePolicy;
  lateGraceMinutes: number;
  heldAt: string | null;
  holdReason: string | null;
  holdResumeAt: string | null;
  archivedAt: string | null;
  relation: 'owner' | 'partner';
}

export type CampaignInput = Pick<
  Campaign,
  'name' | 'goal' | 'keyMessages' | 'hashtags' | 'color' | 'timeZone' | 'latePolicy' | 'lateGraceMinutes'
>;

export interface MediaAsset {
  id: string;
  kind: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  altText: string | null;
  previewUrl?: string | null;
}

export interface FreeSlot {
  /** The instant (UTC). */
  at: string;
  /** The same instant written out in the zone asked for. */
  local: string;
}
