import { DateTime } from 'luxon';
import type { NotificationKind } from '../../core/database';
import { interpolate, type Locale, type LocalizedText } from '../../core/i18n';
import { type Reader, renderNotification } from '../catalog';
import { type MailedNotification, objectUrl } from '../mail-content';
import type { InlineButton } from './bot-api';

/**
 * A card's buttons and their callback data (at most 64 bytes): an action, the post and the version
 * the message showed. A review request has "approve" and "changes", a statement waiting for
 * release has "release".
 */
export type CardAction = 'approve' | 'changes' | 'release';
const ACTION_CODES: Record<CardAction, string> = { approve: 'ap', changes: 'rc', release: 'rl' };
const ACTIONS_BY_CODE = new Map(Object.entries(ACTION_CODES).map(([action, code]) => [code, action as CardAction]));
const CALLBACK = /^(ap|rc|rl):([0-9a-f-]{36}):(\d{1,9})$/;

export function cardCallbackData(action: CardAction, postId: string, version: number): string {
  return `${ACTION_CODES[action]}:${postId}:${version}`;
}

export function parseCardCallback(
  data: string | undefined,
): { action: CardAction; postId: string; version: number } | null {
  const match = CALLBACK.exec(data ?? '');
  if (!match) return null;
  return { action: ACTIONS_BY_CODE.get(match[1]!)!, postId: match[2]!, version: Number(match[3]) };
}

export const CARD_BUTTONS: Record<Locale, Record<CardAction, string>> = {
  id: { approve: 'Setujui', changes: 'Minta perubahan', release: 'Rilis sekarang' },
  en: { approve: 'Approve', changes: 'Request changes', release: 'Release now' },
};

/** The last line of a card once its post is approved (a review request) or released (a statement), by whom. */
const ACTED: Record<'approved' | 'released', LocalizedText> = {
  approved: { id: '✅ Disetujui oleh {name} (versi {version}).', en: '✅ Approved by {name} (version {version}).' },
  released: { id: '🚀 Dirilis oleh {name} (versi {version}).', en: '🚀 Released by {name} (version {version}).' },
};

export function actedLine(statement: boolean, locale: Locale, by: { name: string; version: number }): string {
  return interpolate(ACTED[statement ? 'released' : 'approved'][locale], by);
}

/** A card as shown, with a last line added; the original is cut, never the line, at Telegram's 4,096. */
export function withLine(original: string | undefined, line: string): string {
  return `${(original ?? '').slice(0, 4096 - line.length - 3)}\n\n${line}`;
}

const WORDS: Record<
  Locale,
  { targets: string; time: string; now: string; onRelease: string; version: string; open: string }
> = {
  id: {
    targets: 'Tujuan',
    time: 'Waktu terbit',
    now: 'segera setelah disetujui',
    onRelease: 'segera setelah dirilis, ke semua tujuan',
    version: 'Versi',
    open: 'Buka di Gaung',
  },
  en: {
    targets: 'Targets',
    time: 'Publishes',
    now: 'as soon as approved',
    onRelease: 'as soon as released, to every target',
    version: 'Version',
    open: 'Open in Gaung',
  },
};

/** The post as a review request or a statement waiting for release shows it, read when the message is sent. */
export interface ReviewCard {
  id: string;
  version: number;
  status: string;
  statement: boolean;
  baseText: string;
  scheduledAt: Date | null;
  publishNow: boolean;
  targets: Array<{ account: { displayName: string; platform: string } }>;
}

/** The kinds whose message is a card with buttons, while the post still waits in review. */
const CARD_KINDS: readonly string[] = ['POST_SUBMITTED', 'STATEMENT_AWAITING_RELEASE'] satisfies NotificationKind[];

export function isCardKind(kind: NotificationKind): boolean {
  return CARD_KINDS.includes(kind);
}

const POST_TEXT_LIMIT = 2500;

/**
 * One notification as a Telegram message for one reader: their language, times in their zone, one
 * link. A review request still in review carries the post's text, targets and time, and the buttons
 * to approve or ask for changes; a statement still waiting carries its text, targets and the button
 * to release it. Every button is bound to the version shown.
 */
export function telegramMessage(
  n: MailedNotification,
  reader: Reader,
  baseUrl: string,
  card: ReviewCard | null,
): { text: string; buttons: InlineButton[][] | null } {
  const words = WORDS[reader.locale];
  const link = `${words.open}: ${objectUrl(baseUrl, n)}`;
  const message = `${n.workspace.name} · ${renderNotification(n.kind, n.params, reader)}`;
  if (!card || card.status !== 'IN_REVIEW' || !isCardKind(n.kind))
    return { text: `${message}\n\n${link}`, buttons: null };
  const when = card.statement
    ? words.onRelease
    : card.scheduledAt && !card.publishNow
      ? DateTime.fromJSDate(card.scheduledAt, { zone: reader.timeZone })
          .setLocale(reader.locale === 'id' ? 'id-ID' : 'en-GB')
          .toFormat('d LLL yyyy HH:mm ZZZZ')
      : words.now;
  const body = card.baseText.length > POST_TEXT_LIMIT ? `${card.baseText.slice(0, POST_TEXT_LIMIT)}…` : card.baseText;
  const targets = card.targets.map((t) => `${t.account.displayName} (${t.account.platform})`).join(', ') || '-';
  const text = [
    message,
    '',
    body,
    '',
    `${words.targets}: ${targets}`,
    `${words.time}: ${when}`,
    `${words.version} ${card.version}`,
    link,
  ].join('\n');
  const labels = CARD_BUTTONS[reader.locale];
  // A statement sent back and submitted again is still released, never approved: its own button.
  const actions: CardAction[] = card.statement ? ['release'] : ['approve', 'changes'];
  return {
    text,
    buttons: [
      actions.map((action) => ({
        text: labels[action],
        callback_data: cardCallbackData(action, card.id, card.version),
      })),
    ],
  };
}
