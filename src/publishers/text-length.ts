import twitterText from 'twitter-text';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Intl.Segmenter in Node 20 is quadratic in the input length (100k characters take seconds). */
const CHUNK = 1000;
/** A grapheme boundary surely lies before printable ASCII that follows printable ASCII or a mark. */
const SAFE_BEFORE = /[\x20-\x7E]/;
const SAFE_AFTER = /[\x20-\x7E\p{M}]/u;

/** User-perceived characters: an emoji with skin tone or a flag counts as one. */
export function countGraphemes(text: string): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    // Cut only where a boundary is certain, so counting chunk by chunk equals counting the whole.
    while (end < text.length && end > start + 1 && !safeCut(text, end)) end--;
    if (end === start + 1) {
      // No safe cut behind (e.g. a long run of emoji): take the next one ahead.
      end = Math.min(text.length, start + CHUNK);
      while (end < text.length && !safeCut(text, end)) end++;
    }
    for (const _ of segmenter.segment(text.slice(start, end))) count++;
    start = end;
  }
  return count;
}

function safeCut(text: string, index: number): boolean {
  return SAFE_BEFORE.test(text[index]!) && SAFE_AFTER.test(text[index - 1]!);
}

/** X's weighted length (URLs count 23, CJK and emoji count 2), from the twitter-text library. */
export function countTwitterWeighted(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export function countLength(text: string, counting: 'graphemes' | 'twitter-weighted' | 'utf16'): number {
  if (counting === 'graphemes') return countGraphemes(text);
  if (counting === 'twitter-weighted') return countTwitterWeighted(text);
  return text.length;
}
