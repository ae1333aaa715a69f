import type { Locale, LocalizedText } from '../core/i18n';
import { mediaFitIssues } from '../media/media-fit';
import type { PlatformLimits, PublishContent, PublishRequest, ValidationIssue } from './publisher';
import { PublishError } from './publish-error';
import { countLength } from './text-length';

/**
 * The built-in channels (webhook, feed) carry every medium a post may have (a post takes at most 10,
 * src/posts/posts.schemas.ts): as signed URLs with alt texts, never dropped.
 */
export const MEDIA_CARRIED = 10;

/**
 * Helpers every publisher shares.
 *
 * The checks every platform shares, read from its limits: text length in the platform's own
 * counting, number of media, media that cannot be fitted (media-fit.ts), media required, text or media present. Pass the account's own limits
 * where they differ from the platform's (a Mastodon instance sets its own), and wording where the
 * bare "text is too long" would not say which limit it is. Platform-specific rules are added by
 * each publisher.
 */
export function commonIssues(
  platformCode: string,
  content: PublishContent,
  limits: PlatformLimits,
  wording: TextLimitWording = {},
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const length = countLength(content.text, limits.counting);
  if (length > limits.maxChars) {
    const where = (locale: Locale) => (wording.where ? ` ${wording.where[locale]}` : '');
    const note = (locale: Locale) => (wording.note ? ` (${wording.note[locale]})` : '');
    issues.push(
      issue(
        `${platformCode}.${wording.code ?? 'text_too_long'}`,
        `Teks terlalu panjang${where('id')}: ${length} dari maksimal ${limits.maxChars} karakter${note('id')}.`,
        `Text is too long${where('en')}: ${length} of at most ${limits.maxChars} characters${note('en')}.`,
      ),
    );
  }
  if (content.media.length > limits.maxMedia) {
    issues.push(
      issue(
        `${platformCode}.too_many_media`,
        `Terlalu banyak media: ${content.media.length} dari maksimal ${limits.maxMedia}.`,
        `Too many media items: ${content.media.length} of at most ${limits.maxMedia}.`,
      ),
    );
  }
  issues.push(...mediaFitIssues(platformCode, content.media, limits.media));
  if (limits.requiresMedia && content.media.length === 0) {
    issues.push(
      issue(
        `${platformCode}.media_required`,
        'Platform ini memerlukan setidaknya satu gambar atau video.',
        'This platform needs at least one image or video.',
      ),
    );
  }
  const noText = content.text.trim() === '';
  if (noText && limits.requiresText) {
    issues.push(
      issue(
        `${platformCode}.empty`,
        'Platform ini memerlukan teks, juga bila ada media.',
        'This platform needs text, even with media.',
      ),
    );
  } else if (noText && !limits.requiresMedia && content.media.length === 0) {
    issues.push(issue(`${platformCode}.empty`, 'Tulis teks atau lampirkan media.', 'Write some text or attach media.'));
  }
  return issues;
}

/** How the text-length issue names its limit, where the bare "text is too long" would not say enough. */
export interface TextLimitWording {
  /** The code's last part, for a limit with its own name (Telegram's caption); text_too_long otherwise. */
  code?: string;
  /** Whose limit, after "too long": "untuk Bluesky" / "for Bluesky". */
  where?: LocalizedText;
  /** In brackets after the figures, e.g. how the platform counts: "tautan dihitung 23" / "links count as 23". */
  note?: LocalizedText;
}

/** One issue in both languages; the code is platform-prefixed. */
export function issue(code: string, id: string, en: string): ValidationIssue {
  return { code, message: { id, en } };
}

/** Reads a required string credential; a missing one means the account must be reconnected. */
export function requiredCredential(platform: string, credentials: Record<string, unknown>, name: string): string {
  const value = credentials[name];
  if (typeof value !== 'string' || value === '') {
    throw PublishError.auth(`${platform}.credentials_missing`, `The account has no ${name}; reconnect it.`);
  }
  return value;
}

/** Reads the account's platform id; without it nothing can be published. */
export function requiredExternalId(platform: string, externalId: string | null): string {
  if (!externalId)
    throw PublishError.permanent(`${platform}.account_id_missing`, 'The account has no platform id; reconnect it.');
  return externalId;
}

/**
 * The look-up rule every publisher that matches on content shares (Mastodon, X): of the posts that
 * match this delivery (newest first), the first that no other delivery to the account recorded as
 * its own. A match another delivery holds is skipped, so two deliveries of the same text never
 * share one post; when an unheld match is left but another delivery of the same text is UNCONFIRMED
 * without a recorded post, the match may be either's, and `inconclusive` is thrown (the engine
 * marks the delivery UNCONFIRMED: a human decides). Null when no match is left: not posted.
 */
export async function ownMatch<T extends { id: string }>(
  request: PublishRequest,
  matches: T[],
  inconclusive: (why: string) => PublishError,
): Promise<T | null> {
  const others = request.otherDeliveries;
  if (matches.length === 0 || !others) return matches[0] ?? null;
  const taken = await others.taken(matches.map((match) => match.id));
  const mine = matches.find((match) => !taken.has(match.id)) ?? null;
  if (mine && (await others.unresolvedTwin(request.content.text, request.content.media.length)))
    throw inconclusive('another delivery of the same text to this account is unconfirmed, and the post may be its');
  return mine;
}
