import { DateTime } from 'luxon';
import type { Locale } from '../../core/i18n';
import { type Reader, renderNotification } from '../catalog';
import { type MailedNotification, objectPath } from '../mail-content';
import type { InlineButton } from './bot-api';

/** The buttons' callback data (at most 64 bytes): an action, the post and the version the message showed. */
export type ReviewAction = 'approve' | 'changes';
const ACTION_CODES: Record<ReviewAction, string> = { approve: 'ap', changes: 'rc' };
const CALLBACK = /^(ap|rc):([0-9a-f-]{36}):(\d{1,9})$/;

export function reviewCallbackData(action: ReviewAction, postId: string, version: number): string {
  return `${ACTION_CODES[action]}:${postId}:${version}`;
}

export function parseReviewCallback(data: string | undefined): { action: ReviewAction; postId: string; version: number } | null {
  const match = CALLBACK.exec(data ?? '');
  if (!match) return null;
  return { action: match[1] === 'ap' ? 'approve' : 'changes', postId: match[2]!, version: Number(match[3]) };
}

export const REVIEW_BUTTONS: Record<Locale, Record<ReviewAction, string>> = {
  id: { approve: 'Setujui', changes: 'Minta perubahan' },
  en: { approve: 'Approve', changes: 'Request changes' },
};

const WORDS: Record<Locale, { targets: string; time: string; now: string; version: string; open: string }> = {
  id: { targets: 'Tujuan', time: 'Waktu terbit', now: 'segera setelah disetujui', version: 'Versi', open: 'Buka di Gaung' },
  en: { targets: 'Targets', time: 'Publishes', now: 'as soon as approved', version: 'Version', open: 'Open in Gaung' },
};

/** The post as a review request shows it, read when the message is sent. */
export interface ReviewCard {
  id: string;
  version: number;
  status: string;
  baseText: string;
  scheduledAt: Date | null;
  publishNow: boolean;
  targets: Array<{ account: { displayName: string; platform: string } }>;
}

const POST_TEXT_LIMIT = 2500;

/**
 * One notification as a Telegram message for one reader: their language, times in their zone, one
 * link. A review request still in review carries the post's text, targets and time, and the buttons
 * to approve or ask for changes, bound to the version shown.
 */
export function telegramMessage(n: MailedNotification, reader: Reader, baseUrl: string, card: ReviewCard | null): { text: string; buttons: InlineButton[][] | null } {
  const words = WORDS[reader.locale];
  const link = `${words.open}: ${baseUrl}${objectPath(n)}`;
  const message = `${n.workspace.name} · ${renderNotification(n.kind, n.params, reader)}`;
  if (n.kind !== 'POST_SUBMITTED' || !card || card.status !== 'IN_REVIEW') return { text: `${message}\n\n${link}`, buttons: null };
  const when = card.scheduledAt && !card.publishNow
    ? DateTime.fromJSDate(card.scheduledAt, { zone: reader.timeZone }).setLocale(reader.locale === 'id' ? 'id-ID' : 'en-GB').toFormat('d LLL yyyy HH:mm ZZZZ')
    : words.now;
  const body = card.baseText.length > POST_TEXT_LIMIT ? `${card.baseText.slice(0, POST_TEXT_LIMIT)}…` : card.baseText;
  const targets = card.targets.map((t) => `${t.account.displayName} (${t.account.platform})`).join(', ') || '-';
  const text = [message, '', body, '', `${words.targets}: ${targets}`, `${words.time}: ${when}`, `${words.version} ${card.version}`, link].join('\n');
  const labels = REVIEW_BUTTONS[reader.locale];
  return {
    text,
    buttons: [[
      { text: labels.approve, callback_data: reviewCallbackData('approve', card.id, card.version) },
      { text: labels.changes, callback_data: reviewCallbackData('changes', card.id, card.version) },
    ]],
  };
}
