import type { DisplayState } from '../posts/display-state';
import type { Locale, LocalizedText } from '../core/i18n';
import type { CalendarDate } from './holidays';

/** A post as the feed shows it; posts without a time are left out. */
export interface ICalPost {
  id: string;
  version: number;
  scheduledAt: Date | null;
  /** The state people read (posts/display-state.ts): an expired post shows as EXPIRED, not IN_REVIEW. */
  status: DisplayState;
  campaignName: string | null;
  text: string;
  /** Platform names (or account names) of its targets. */
  platforms: string[];
}

export interface ICalFeed {
  /** The calendar's name in the subscriber's app (X-WR-CALNAME). */
  name: string;
  /** The workspace's IANA zone, a display hint only: every timed event is in UTC. */
  zone: string;
  /** DTSTAMP of every event: when the feed was rendered. */
  generatedAt: Date;
  posts: readonly ICalPost[];
  dates: readonly CalendarDate[];
  /** The subscriber's language: post states and all-day titles are written in it. */
  locale?: Locale;
  /** Right-hand side of UIDs; stable per installation. */
  uidDomain?: string;
}

const PRODID = '-//Gaung//Editorial Calendar//ID';
/** An editorial slot, not an event people attend: a quarter of an hour shows as a mark. */
const POST_DURATION = 'PT15M';
const MAX_LINE_OCTETS = 75;

/**
 * An RFC 5545 feed: one VEVENT per scheduled post (UID stable per post, SEQUENCE = version so
 * clients replace an edited post), one all-day VEVENT per holiday or key date. Timed events are in
 * UTC ("Z"), so no VTIMEZONE block is needed; X-WR-TIMEZONE tells clients the planners' zone.
 */
export function renderICalendar(feed: ICalFeed): string {
  const domain = feed.uidDomain ?? 'gaung';
  const stamp = utcStamp(feed.generatedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `X-WR-TIMEZONE:${escapeText(feed.zone)}`,
    ...feed.posts.flatMap((post) => postEvent(post, domain, stamp, feed.locale ?? 'id')),
    ...feed.dates.flatMap((date) => allDayEvent(date, domain, stamp, feed.locale ?? 'id')),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** iCalendar knows three: what will not happen is CANCELLED; what is approved (or done) is CONFIRMED. */
const EVENT_STATUS: Readonly<Record<DisplayState, 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'>> = {
  DRAFT: 'TENTATIVE',
  IN_REVIEW: 'TENTATIVE',
  CHANGES_REQUESTED: 'TENTATIVE',
  SCHEDULED: 'CONFIRMED',
  HELD: 'CONFIRMED',
  PUBLISHING: 'CONFIRMED',
  PUBLISHED: 'CONFIRMED',
  PARTLY_PUBLISHED: 'CONFIRMED',
  UNCONFIRMED: 'CONFIRMED',
  FAILED: 'CANCELLED',
  EXPIRED: 'CANCELLED',
  CANCELLED: 'CANCELLED',
};

/**
 * A post's state in the subscriber's words, as the web calendar's legend writes it
 * (web/src/i18n/{id,en}/calendar.json, "status"): people read the feed in Google Calendar or
 * Outlook, where a code such as HELD means nothing to an Indonesian reader.
 */
const STATE_WORDS: Readonly<Record<DisplayState, LocalizedText>> = {
  DRAFT: { id: 'Draf', en: 'Draft' },
  IN_REVIEW: { id: 'Ditinjau', en: 'In review' },
  CHANGES_REQUESTED: { id: 'Perlu diubah', en: 'Changes requested' },
  SCHEDULED: { id: 'Disetujui', en: 'Approved' },
  HELD: { id: 'Ditahan', en: 'Held' },
  PUBLISHING: { id: 'Sedang terbit', en: 'Publishing' },
  PUBLISHED: { id: 'Terbit', en: 'Published' },
  PARTLY_PUBLISHED: { id: 'Terbit sebagian', en: 'Partly published' },
  UNCONFIRMED: { id: 'Belum pasti', en: 'Unconfirmed' },
  FAILED: { id: 'Gagal', en: 'Failed' },
  EXPIRED: { id: 'Kedaluwarsa', en: 'Expired' },
  CANCELLED: { id: 'Dibatalkan', en: 'Cancelled' },
};

function postEvent(post: ICalPost, domain: string, stamp: string, locale: Locale): string[] {
  if (!post.scheduledAt) return [];
  const firstLine =
    post.text
      .split(/\r?\n/)
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  const state = STATE_WORDS[post.status][locale];
  const summary = [post.campaignName, `[${state}]`, firstLine].filter(Boolean).join(' ');
  const description = [`Platform: ${post.platforms.join(', ')}`, `Status: ${state}`, '', post.text].join('\n');
  const categories = [state, ...post.platforms, ...(post.campaignName ? [post.campaignName] : [])];
  return [
    'BEGIN:VEVENT',
    `UID:post-${post.id}@${domain}`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${post.version}`,
    `DTSTART:${utcStamp(post.scheduledAt)}`,
    `DURATION:${POST_DURATION}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `CATEGORIES:${categories.map(escapeText).join(',')}`,
    `STATUS:${EVENT_STATUS[post.status]}`,
    'END:VEVENT',
  ];
}

function allDayEvent(entry: CalendarDate, domain: string, stamp: string, locale: Locale): string[] {
  const uid =
    entry.source === 'key-date'
      ? `keydate-${entry.keyDateId}@${domain}`
      : `holiday-${entry.country}-${entry.date}-${slug(entry.title.en)}@${domain}`;
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${entry.date.replaceAll('-', '')}`,
    `DTEND;VALUE=DATE:${nextDay(entry.date)}`,
    `SUMMARY:${escapeText(entry.title[locale])}`,
    `CATEGORIES:${escapeText(entry.kind)}${entry.isMayDay ? ',MAY_DAY' : ''}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n|\r/g, '\\n');
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 5545 3.1), continuation lines
 * starting with one space. Splits only between code points, so no UTF-8 sequence is cut.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function nextDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10).replaceAll('-', '');
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'day'
  );
}
