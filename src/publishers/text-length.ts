import twitterText from 'twitter-text';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** User-perceived characters: an emoji with skin tone or a flag counts as one. */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
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
