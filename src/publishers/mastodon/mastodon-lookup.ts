import { PublishError } from '../publish-error';
import { ownMatch } from '../publisher-helpers';
import type { PublishRequest, PublishResult } from '../publisher';

/** A status as GET /api/v1/accounts/:id/statuses lists it (the fields the look-up reads). */
export interface ListedStatus {
  id: string;
  created_at: string;
  content: string;
  url: string | null;
  uri: string;
  media_attachments: unknown[];
}

/** One page of the account's own statuses, newest first, older than `maxId` when given. */
export type StatusPage = (maxId: string | undefined) => Promise<ListedStatus[]>;

export const LOOKUP_PAGE_SIZE = 40;
const LOOKUP_PAGES = 3;
/** Clocks differ: a status may carry a created_at a little before our scheduled time. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** Without a scheduled time, the window is the last day (a retry never comes later than that). */
const DEFAULT_WINDOW_MS = 24 * 60 * 60_000;

/**
 * Finds the status of this delivery among the account's own recent statuses, for servers that
 * ignore Idempotency-Key: same text (as Mastodon renders it), same number of media, created no
 * earlier than the delivery was due, and not the recorded status of another delivery to the
 * account (ownMatch: two deliveries of the same text never take one status). Null when the window
 * was read to its start without such a match; PERMANENT "lookup_inconclusive" when it could not be
 * read to its start, or when the match may be another unconfirmed delivery's (the engine then marks
 * the delivery UNCONFIRMED, because an earlier attempt may have posted).
 */
export async function findOwnStatus(request: PublishRequest, page: StatusPage): Promise<PublishResult | null> {
  const since = (request.scheduledAt?.getTime() ?? Date.now() - DEFAULT_WINDOW_MS) - CLOCK_SKEW_MS;
  const wanted = comparable(request.content.text);
  let maxId: string | undefined;
  for (let read = 0; read < LOOKUP_PAGES; read++) {
    const statuses = await page(maxId);
    // Newest first: the window ends at the first status older than its start.
    const older = statuses.findIndex((status) => Date.parse(status.created_at) < since);
    const inWindow = older < 0 ? statuses : statuses.slice(0, older);
    const matches = inWindow.filter(
      (status) =>
        status.media_attachments.length === request.content.media.length &&
        comparable(htmlText(status.content)) === wanted,
    );
    const mine = await ownMatch(request, matches, inconclusive);
    if (mine) return { externalId: mine.id, url: mine.url ?? mine.uri ?? null };
    if (older >= 0 || statuses.length < LOOKUP_PAGE_SIZE) return null;
    maxId = statuses.at(-1)!.id;
  }
  throw inconclusive(`More than ${LOOKUP_PAGES * LOOKUP_PAGE_SIZE} statuses since the delivery was due`);
}

export function inconclusive(why: string): PublishError {
  return PublishError.permanent(
    'mastodon.lookup_inconclusive',
    `Could not check whether Mastodon already posted this status: ${why}`,
  );
}

/** The words of a status's HTML as Mastodon renders it (paragraphs, line breaks, shortened links). */
function htmlText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|quot|#39|apos|nbsp|amp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ', amp: '&' };

/** Compared loosely where Mastodon rewrites: white space, and a remote mention shown by its local part. */
function comparable(text: string): string {
  return text
    .replace(/(^|[^\w@/])@(\w+)@[\w.-]+\w/g, '$1@$2')
    .replace(/\s+/g, ' ')
    .trim();
}
