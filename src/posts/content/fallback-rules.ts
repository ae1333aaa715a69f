import type { Platform } from '../../core/database';
import { interpolate, type LocalizedText } from '../../core/i18n';
import { countLength } from '../../publishers/text-length';
import type { AccountContext, PublishContent, ValidationIssue } from '../../publishers/publisher';

export type Counting = 'graphemes' | 'twitter-weighted' | 'utf16';

/** The draft-time limits of one platform, until its publisher (and its own validate) lands. */
export interface FallbackRule {
  maxChars: number | null;
  counting: Counting;
  /** A lower limit when the text goes out as a media caption (Telegram: 1,024). */
  captionMaxChars?: number;
  /** Mastodon instances publish their own limit; connect stores it as settings.maxChars. */
  maxCharsFromSettings?: boolean;
  requiresImage?: boolean;
  requiresTitle?: boolean;
}

/**
 * Published limits. Counting is graphemes (what a person sees) except X, whose weighted count
 * (URLs 23, emoji and CJK 2) is the platform's own, and Telegram, which measures UTF-16 code
 * units, so an emoji there costs two.
 */
export const FALLBACK_RULES: Readonly<Record<Platform, FallbackRule | null>> = {
  X: { maxChars: 280, counting: 'twitter-weighted' },
  BLUESKY: { maxChars: 300, counting: 'graphemes' },
  MASTODON: { maxChars: 500, counting: 'graphemes', maxCharsFromSettings: true },
  THREADS: { maxChars: 500, counting: 'graphemes' },
  LINKEDIN: { maxChars: 3000, counting: 'graphemes' },
  TELEGRAM: { maxChars: 4096, counting: 'utf16', captionMaxChars: 1024 },
  INSTAGRAM: { maxChars: 2200, counting: 'graphemes', requiresImage: true },
  FACEBOOK: { maxChars: 63206, counting: 'graphemes' },
  WORDPRESS: { maxChars: null, counting: 'graphemes', requiresTitle: true },
  WEBHOOK: null,
  FEED: null,
};

/** How people write the platforms' names in messages. */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  X: 'X',
  BLUESKY: 'Bluesky',
  MASTODON: 'Mastodon',
  THREADS: 'Threads',
  LINKEDIN: 'LinkedIn',
  TELEGRAM: 'Telegram',
  INSTAGRAM: 'Instagram',
  FACEBOOK: 'Facebook',
  WORDPRESS: 'WordPress',
  WEBHOOK: 'Webhook',
  FEED: 'Feed',
};

const COUNTING_NOTE: Record<Counting, LocalizedText> = {
  graphemes: { id: 'karakter', en: 'characters' },
  'twitter-weighted': { id: 'karakter berbobot X: URL = 23, emoji = 2', en: 'X-weighted characters: URL = 23, emoji = 2' },
  utf16: { id: 'unit UTF-16: emoji = 2', en: 'UTF-16 units: emoji = 2' },
};

/** Checks content against a platform's fallback rule; the same shape as Publisher.validate. */
export function validateWithFallbackRules(
  platform: Platform,
  content: PublishContent,
  account: Pick<AccountContext, 'settings'>,
): ValidationIssue[] {
  const rule = FALLBACK_RULES[platform];
  if (!rule) return [];
  const issues: ValidationIssue[] = [];
  const label = PLATFORM_LABELS[platform];
  const text = content.text.trim();
  if (text === '' && content.media.length === 0) issues.push(issue('content_empty', TEXT.empty, { platform: label }));
  const limit = limitFor(rule, content, account);
  if (limit !== null) {
    const length = countLength(content.text, rule.counting);
    if (length > limit) {
      const asCaption = limit === rule.captionMaxChars;
      issues.push(
        issue(asCaption ? 'caption_too_long' : 'text_too_long', asCaption ? TEXT.captionTooLong : TEXT.tooLong, {
          platform: label,
          length,
          limit,
          countingId: COUNTING_NOTE[rule.counting].id,
          countingEn: COUNTING_NOTE[rule.counting].en,
        }),
      );
    }
  }
  if (rule.requiresImage && !content.media.some((item) => item.kind === 'IMAGE')) {
    issues.push(issue('image_required', TEXT.imageRequired, { platform: label }));
  }
  if (rule.requiresTitle && !content.title?.trim()) issues.push(issue('title_required', TEXT.titleRequired, { platform: label }));
  return issues;
}

function limitFor(rule: FallbackRule, content: PublishContent, account: Pick<AccountContext, 'settings'>): number | null {
  if (rule.captionMaxChars !== undefined && content.media.length > 0) return rule.captionMaxChars;
  const fromSettings = account.settings.maxChars;
  if (rule.maxCharsFromSettings && typeof fromSettings === 'number' && Number.isInteger(fromSettings) && fromSettings > 0) {
    return fromSettings;
  }
  return rule.maxChars;
}

/** Issues carry finished texts: the per-target list is shown as is, in the caller's language. */
function issue(code: string, text: LocalizedText, params: Record<string, string | number>): ValidationIssue {
  return { code, message: { id: interpolate(text.id, params), en: interpolate(text.en, params) } };
}

const TEXT = {
  empty: { id: 'Unggahan untuk {platform} kosong: isi teks atau lampirkan media.', en: 'The {platform} post is empty: add text or media.' },
  tooLong: {
    id: 'Teks terlalu panjang untuk {platform}: {length} dari batas {limit} ({countingId}).',
    en: 'The text is too long for {platform}: {length} of at most {limit} ({countingEn}).',
  },
  captionTooLong: {
    id: 'Keterangan media terlalu panjang untuk {platform}: {length} dari batas {limit} ({countingId}).',
    en: 'The media caption is too long for {platform}: {length} of at most {limit} ({countingEn}).',
  },
  imageRequired: { id: '{platform} memerlukan paling sedikit satu gambar.', en: '{platform} needs at least one image.' },
  titleRequired: { id: '{platform} memerlukan judul.', en: '{platform} needs a title.' },
} satisfies Record<string, LocalizedText>;
