import type { Platform } from '../core/database';
import type { LocalizedText } from '../core/i18n';
import type { MediaItem } from '../media/media-item';
import type { MediaLimits } from '../media/media-limits';

export type { MediaItem, MediaLimits };

/** A connected account as a publisher sees it: decrypted credentials, never logged. */
export interface AccountContext {
  accountId: string;
  workspaceId: string;
  platform: Platform;
  /** Instance / PDS / site / Bot API server, for federated or self-hosted platforms. */
  baseUrl: string | null;
  /** The platform's id of the account: page id, chat id, DID, user id... */
  externalId: string | null;
  handle: string | null;
  /** Facts learnt on connect (e.g. Mastodon's character limit). */
  settings: Record<string, unknown>;
  credentials: Record<string, unknown>;
  /**
   * Stores credentials a publisher refreshed in the middle of a call (X and LinkedIn rotate refresh
   * tokens on use: a refreshed token that is not saved locks the account out). Publishers refresh
   * mid-call only when this is given.
   */
  saveRefreshedCredentials?(refreshed: RefreshedCredentials): Promise<void>;
}

export interface PublishContent {
  /** The text for this platform: the target's own text, or the post's base text. */
  text: string;
  /** Needed by WordPress; optional elsewhere. */
  title: string | null;
  media: MediaItem[];
}

export interface PublishRequest {
  targetId: string;
  version: number;
  /**
   * Stable for one delivery of one version: the Mastodon Idempotency-Key, the Bluesky record key,
   * our marker for look-ups. Letters, digits and '-' only; at most 64 characters.
   */
  idempotencyKey: string;
  account: AccountContext;
  content: PublishContent;
  /** When the delivery was due: a look-up never takes an older post for ours. */
  scheduledAt?: Date | null;
  /** Aborted when the engine's timeout passes; a publisher should pass it to every request. */
  signal: AbortSignal;
  /**
   * The account's other deliveries, for a look-up that matches on content (findPublished): it must
   * never take another delivery's post for its own (ownMatch in publisher-helpers.ts). The engine
   * always gives it; absent (a publisher's own tests), nothing is excluded.
   */
  otherDeliveries?: OtherDeliveries;
}

/** What a look-up needs to know of the other deliveries to the same account (docs/publishing.md, "Look-ups"). */
export interface OtherDeliveries {
  /** Of these platform ids, the ones already recorded as another delivery's post. */
  taken(externalIds: string[]): Promise<ReadonlySet<string>>;
  /**
   * Whether another delivery with the same text and number of media is UNCONFIRMED without a
   * recorded post: it may have posted, so an unrecorded match could be its post as well as ours.
   */
  unresolvedTwin(text: string, mediaCount: number): Promise<boolean>;
}

export interface PublishResult {
  externalId: string;
  url: string | null;
}

/** A problem with content for one platform, found at draft time, in every language. */
export interface ValidationIssue {
  code: string;
  message: LocalizedText;
}

export interface RateBudget {
  /** Posts allowed in the rolling window, per account. */
  posts: number;
  windowMs: number;
}

export interface PlatformLimits {
  /** Text limit, counted as `counting` says. For Mastodon, overridden per account by settings.maxChars. */
  maxChars: number;
  /** 'mastodon': graphemes, with every link as 23 and a remote mention by its local part. */
  counting: 'graphemes' | 'twitter-weighted' | 'utf16' | 'mastodon';
  maxMedia: number;
  /** Null: media go out as signed URLs, whatever they are (webhook, feed). */
  media: MediaLimits | null;
  requiresMedia: boolean;
  /** Text is needed even when media is attached (a WordPress article needs its body). */
  requiresText: boolean;
  requiresTitle: boolean;
  rateBudget: RateBudget | null;
}

/**
 * How a retry after an AMBIGUOUS outcome can avoid a second post:
 * - idempotency-key: the server deduplicates on request.idempotencyKey (the webhook's receivers);
 * - deterministic-id: the post id is derived from idempotencyKey, a retry collides (Bluesky rkey);
 * - lookup: findPublished() can tell whether our post exists;
 * - none: no safe retry; the engine marks the target UNCONFIRMED for a human.
 */
export type AmbiguousRetry = 'idempotency-key' | 'deterministic-id' | 'lookup' | 'none';

/**
 * The rule for one account: a key makes a retry safe only where the server honours it. An admin
 * who connects a receiver that cannot deduplicate says so (settings.honoursIdempotencyKey false),
 * and that account's ambiguous outcomes end UNCONFIRMED instead of being sent again. Accounts that
 * say nothing keep the platform's rule (the webhook's documented contract).
 */
export function ambiguousRetryOf(publisher: Pick<Publisher, 'ambiguousRetry'>, settings: unknown): AmbiguousRetry {
  const honours =
    typeof settings === 'object' && settings !== null && 'honoursIdempotencyKey' in settings
      ? settings.honoursIdempotencyKey
      : undefined;
  return publisher.ambiguousRetry === 'idempotency-key' && honours === false ? 'none' : publisher.ambiguousRetry;
}

export interface VerifiedIdentity {
  externalId: string;
  displayName: string;
  handle: string | null;
  /** Facts to store in the account's settings (e.g. { maxChars: 500 }). */
  settings?: Record<string, unknown>;
}

export interface RefreshedCredentials {
  credentials: Record<string, unknown>;
  expiresAt: Date | null;
}

/** One platform. Adding a platform means one folder in src/publishers and one registration line. */
export interface Publisher {
  readonly platform: Platform;
  readonly limits: PlatformLimits;
  readonly ambiguousRetry: AmbiguousRetry;
  /** Draft-time checks for this platform (length in the platform's own counting, media, title). */
  validate(content: PublishContent, account: Pick<AccountContext, 'settings'>): ValidationIssue[];
  /** Publishes, or throws a PublishError whose kind the engine acts on. */
  publish(request: PublishRequest): Promise<PublishResult>;
  /** Looks for our own post of this delivery (used when ambiguousRetry is 'lookup'). */
  findPublished?(request: PublishRequest): Promise<PublishResult | null>;
  /** "Who am I": throws PublishError (kind AUTH) when the credentials do not work. */
  verifyCredentials(account: AccountContext, signal: AbortSignal): Promise<VerifiedIdentity>;
  /** Refreshes expiring credentials; null when the platform's credentials do not expire. */
  refreshCredentials?(account: AccountContext, signal: AbortSignal): Promise<RefreshedCredentials | null>;
}
