/**
 * LinkedIn's "little text" format for post commentary: reserved characters must be escaped with a
 * backslash or LinkedIn cuts the text or rejects it; hashtags are written as {hashtag|\#|word}.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|\s)#([\p{L}\p{N}_]+)/gu;

export function toLittleText(text: string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(HASHTAG)) {
    const start = match.index + match[1].length;
    result += escape(text.slice(last, start)) + `{hashtag|\\#|${escape(match[2])}}`;
    last = start + 1 + match[2].length;
  }
  return result + escape(text.slice(last));
}

function escape(text: string): string {
  return text.replace(RESERVED, (char) => `\\${char}`);
}
