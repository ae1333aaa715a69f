// Names the editorial pages use for the API's own schemas (generated in schema.ts from the OpenAPI
// document), and the shapes the pages build themselves (drafts, inputs).
import type { components } from './schema';

export type Issue = components['schemas']['ContentIssue'];

export type TargetIssues = components['schemas']['AccountIssues'];

export type PostTarget = components['schemas']['PostTarget'];

export type Post = components['schemas']['Post'];

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

export type Campaign = components['schemas']['Campaign'];

export type CampaignInput = Pick<
  Campaign,
  'name' | 'goal' | 'keyMessages' | 'hashtags' | 'color' | 'timeZone' | 'latePolicy' | 'lateGraceMinutes'
>;

export type MediaAsset = components['schemas']['Media'];

export interface FreeSlot {
  /** The instant (UTC). */
  at: string;
  /** The same instant written out in the zone asked for. */
  local: string;
}
