import { countGraphemes } from '../text-length';

/** Mastodon counts every URL as 23 characters and a remote mention @user@domain as @user. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;
const REMOTE_MENTION = /(^|[^\w@/])@(\w+)@[\w.-]+\w/g;
const URL_PLACEHOLDER = 'x'.repeat(23);

/** A status's length as Mastodon's StatusLengthValidator counts it: graphemes of the countable text. */
export function mastodonLength(text: string): number {
  return countGraphemes(text.replace(URL_PATTERN, URL_PLACEHOLDER).replace(REMOTE_MENTION, '$1@$2'));
}
