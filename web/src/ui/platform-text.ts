import type { Platform } from '../api/types';

/**
 * How each platform counts and shows a text. The page counts as the user types only as a hint:
 * the API's own checks decide (src/posts/content), and the page never calls a post fine on its
 * count alone.
 */
interface PlatformText {
  /** The most the platform takes; null when it sets no practical limit. */
  limit: number | null;
  /** Where the platform folds a long text behind "more" in the feed. */
  fold: number | null;
  /** X counts a link as 23 and wide characters twice. */
  weighted?: boolean;
}

export const PLATFORM_TEXT: Record<Platform, PlatformText> = {
  X: { limit: 280, fold: 280, weighted: true },
  THREADS: { limit: 500, fold: 500 },
  BLUESKY: { limit: 300, fold: 300 },
  MASTODON: { limit: 500, fold: 500 },
  INSTAGRAM: { limit: 2200, fold: 125 },
  FACEBOOK: { limit: 63206, fold: 480 },
  LINKEDIN: { limit: 3000, fold: 210 },
  TELEGRAM: { limit: 4096, fold: null },
  WORDPRESS: { limit: null, fold: 300 },
  WEBHOOK: { limit: null, fold: null },
  FEED: { limit: null, fold: 300 },
};

export const PLATFORM_NAMES: Record<Platform, string> = {
  FACEBOOK: 'Facebook',
  INSTAGRAM: 'Instagram',
  X: 'X',
  THREADS: 'Threads',
  LINKEDIN: 'LinkedIn',
  TELEGRAM: 'Telegram',
  MASTODON: 'Mastodon',
  BLUESKY: 'Bluesky',
  WORDPRESS: 'WordPress',
  WEBHOOK: 'Webhook',
  FEED: 'Feed',
};

const URL_PATTERN = /https?:\/\/[^\s]+/g;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** The length as `platform` counts it (graphemes; X weighted). */
export function countFor(platform: Platform, text: string): number {
  if (!PLATFORM_TEXT[platform].weighted) return graphemes(text).length;
  const withoutLinks = text.replace(URL_PATTERN, '');
  const links = (text.match(URL_PATTERN) ?? []).length;
  const weight = graphemes(withoutLinks).reduce((sum, g) => sum + ((g.codePointAt(0) ?? 0) > 0x10ff ? 2 : 1), 0);
  return weight + links * 23;
}

/** The text as the feed first shows it: cut at the fold, `cut` true when something is hidden. */
export function foldFor(platform: Platform, text: string): { shown: string; cut: boolean } {
  const fold = PLATFORM_TEXT[platform].fold;
  const all = graphemes(text);
  if (fold === null || all.length <= fold) return { shown: text, cut: false };
  return { shown: all.slice(0, fold).join(''), cut: true };
}

export const firstLink = (text: string): string | undefined => text.match(URL_PATTERN)?.[0];

/** Splits text into plain runs and the hashtags, mentions and links a platform highlights. */
export function tokens(text: string): { text: string; kind: 'plain' | 'tag' | 'mention' | 'link' }[] {
  const pattern = /(https?:\/\/[^\s]+|#[\p{L}\p{N}_]+|@[\w.]+(?:@[\w.-]+)?)/gu;
  const out: { text: string; kind: 'plain' | 'tag' | 'mention' | 'link' }[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index), kind: 'plain' });
    const value = match[0];
    out.push({ text: value, kind: value.startsWith('#') ? 'tag' : value.startsWith('@') ? 'mention' : 'link' });
    last = match.index + value.length;
  }
  if (last < text.length) out.push({ text: text.slice(last), kind: 'plain' });
  return out;
}
