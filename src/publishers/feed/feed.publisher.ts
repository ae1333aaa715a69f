import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { PublishError } from '../publish-error';
import type {
  AccountContext,
  PlatformLimits,
  PublishContent,
  Publisher,
  PublishRequest,
  PublishResult,
  ValidationIssue,
  VerifiedIdentity,
} from '../publisher';
import { countLength } from '../text-length';
import { MEDIA_CARRIED } from '../publisher-helpers';
import { FeedRepository } from './feed.repository';
import { FEED_CONNECT } from './feed.connect';

// Media ride along as Atom enclosures (FeedService); the limit is the post's own.
const LIMITS: PlatformLimits = {
  maxChars: 50_000,
  counting: 'graphemes',
  maxMedia: MEDIA_CARRIED,
  media: null,
  requiresMedia: false,
  requiresText: false,
  requiresTitle: false,
  rateBudget: null,
};

/** The public feed address of a FEED account (see FeedController). */
export function feedPath(workspaceSlug: string, accountId: string): string {
  return `/feeds/${workspaceSlug}/${accountId}.atom`;
}

/**
 * A built-in channel with no third party: a published target of a FEED account is an entry of the
 * account's Atom feed. The entry is the PostTarget row the engine marks PUBLISHED (unique per post
 * and account), so publishing is exactly one database write; the entry id is derived from the
 * target, so a retry after an ambiguous outcome lands on the same entry.
 */
@Injectable()
export class FeedPublisher implements Publisher {
  /** How an admin connects an account (read by src/accounts through PUBLISHER_CLASSES). */
  static readonly connect = FEED_CONNECT;
  readonly platform = 'FEED' as const;
  readonly limits = LIMITS;
  readonly ambiguousRetry = 'deterministic-id' as const;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feeds: FeedRepository,
  ) {}

  validate(content: PublishContent): ValidationIssue[] {
    if (countLength(content.text, LIMITS.counting) <= LIMITS.maxChars) return [];
    return [
      {
        code: 'feed.too_long',
        message: {
          id: `Teks melebihi ${LIMITS.maxChars} karakter.`,
          en: `Text exceeds ${LIMITS.maxChars} characters.`,
        },
      },
    ];
  }

  async publish(request: PublishRequest): Promise<PublishResult> {
    const workspaceSlug = await this.feeds.workspaceSlug(request.account.workspaceId);
    if (workspaceSlug === null)
      throw PublishError.permanent('feed.no_workspace', "The feed's workspace no longer exists");
    const url = new URL(feedPath(workspaceSlug, request.account.accountId), this.config.PUBLIC_BASE_URL);
    url.hash = request.targetId;
    return { externalId: `urn:uuid:${request.targetId}`, url: url.toString() };
  }

  async verifyCredentials(account: AccountContext): Promise<VerifiedIdentity> {
    return { externalId: account.accountId, displayName: account.handle ?? 'Atom feed', handle: account.handle };
  }
}
