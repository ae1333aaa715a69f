import twitterText from 'twitter-text';
import type { PlatformLimits } from './publisher';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Node's segmenter copies its whole input into every segment it yields, so one pass over a long
 * text costs the square of its length (63k characters: seconds). Long texts are counted in windows.
 */
const WINDOW = 1_000;
const INITIAL_LOOKAHEAD = 64;

/**
 * User-perceived characters: an emoji with skin tone or a flag counts as one. Exactly the
 * segmenter's count: each window is segmented with some text after it, and only boundaries the
 * segmenter found strictly inside that text are trusted (a boundary depends on the characters
 * before it and the one after it, and the next window starts at a true boundary, so its left
 * context is complete). A cluster longer than the lookahead doubles it.
 */
export function countGraphemes(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let lookahead = INITIAL_LOOKAHEAD;
    for (;;) {
      const end = Math.min(text.length, start + WINDOW + lookahead);
      let counted = 0;
      let next = -1;
      for (const { index } of segmenter.segment(text.slice(start, end))) {
        if (index >= WINDOW) {
          next = index;
          break;
        }
        counted++;
      }
      if (next > 0 || end === text.length) {
        count += counted;
        start = next > 0 ? start + next : text.length;
        break;
      }
      lookahead *= 2;
    }
  }
  return count;
}

/** X's weighted length (URLs count 23, CJK and emoji count 2), from the twitter-text library. */
export function countTwitterWeighted(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

/** Mastodon counts every URL as 23 characters and a remote mention @user@domain as @user. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;
const REMOTE_MENTION = /(^|[^\w@/])@(\w+)@[\w.-]+\w/g;
const URL_PLACEHOLDER = 'x'.repeat(23);

/** A status's length as Mastodon's StatusLengthValidator counts it: graphemes of the countable text. */
function mastodonLength(text: string): number {
  return countGraphemes(text.replace(URL_PATTERN, URL_PLACEHOLDER).replace(REMOTE_MENTION, '$1@$2'));
}

export function countLength(text: string, counting: PlatformLimits['counting']): number {
  if (counting === 'graphemes') return countGraphemes(text);
  if (counting === 'twitter-weighted') return countTwitterWeighted(text);
  if (counting === 'mastodon') return mastodonLength(text);
  return text.length;
}
