import { DateTime } from 'luxon';
import type { NotificationKind, NotificationSubject } from '../core/database';
import type { Locale } from '../core/i18n';
import { type Reader, renderNotification } from './catalog';

export interface MailedNotification {
  kind: NotificationKind;
  params: unknown;
  subjectType: NotificationSubject;
  subjectId: string;
  createdAt: Date;
  workspace: { slug: string; name: string };
}

const WORDS: Record<Locale, { when: string; open: string; why: string; settings: string }> = {
  id: {
    when: 'Waktu',
    open: 'Buka di Gaung',
    why: 'Anda menerima e-mail ini karena pilihan notifikasi Anda.',
    settings: 'Ubah di Pengaturan, bagian Notifikasi.',
  },
  en: {
    when: 'Time',
    open: 'Open in Gaung',
    why: 'You get this e-mail because of your notification choices.',
    settings: 'Change them in Settings, Notifications.',
  },
};

/**
 * The one page of the web app a notification is about (under /app): its post, the rapid-response
 * page for a statement waiting for release, the accounts page, its campaign, the partners page for
 * an invitation (answered there), or the settings. The list in the app (the API's `path`), e-mail,
 * Telegram and the digest all link here.
 */
export function objectPath(
  n: Pick<MailedNotification, 'kind' | 'subjectType' | 'subjectId'> & { workspace: { slug: string } },
): string {
  const ws = encodeURIComponent(n.workspace.slug);
  switch (n.subjectType) {
    case 'POST':
      return n.kind === 'STATEMENT_AWAITING_RELEASE' ? `/${ws}/statements` : `/${ws}/posts/${n.subjectId}`;
    case 'ACCOUNT':
      return `/${ws}/accounts`;
    case 'CAMPAIGN':
      return n.kind === 'PARTNER_INVITED' ? `/${ws}/partners` : `/${ws}/campaigns/${n.subjectId}`;
    default:
      return `/${ws}/settings`;
  }
}

/** The same page as a full address, for messages read outside the app. */
export const objectUrl = (baseUrl: string, n: Parameters<typeof objectPath>[0]) => `${baseUrl}/app${objectPath(n)}`;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A subject is one line and short; the full text is in the body. */
const subjectLine = (text: string) => text.replace(/\s+/g, ' ').slice(0, 140);

/** One notification as an e-mail for one reader: their language, times in their zone, one link (to the object). */
export function notificationMail(n: MailedNotification, reader: Reader, baseUrl: string) {
  const words = WORDS[reader.locale];
  const message = renderNotification(n.kind, n.params, reader);
  const when = DateTime.fromJSDate(n.createdAt, { zone: reader.timeZone })
    .setLocale(reader.locale === 'id' ? 'id-ID' : 'en-GB')
    .toFormat('d LLL yyyy HH:mm ZZZZ');
  const link = objectUrl(baseUrl, n);
  const text = [
    message,
    '',
    `${words.when}: ${when}`,
    `${words.open}: ${link}`,
    '',
    '--',
    `${n.workspace.name} · ${words.why} ${words.settings}`,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(message)}</p>`,
    `<p>${escapeHtml(words.when)}: ${escapeHtml(when)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p>`,
    `<hr><p style="color:#555;font-size:0.9em">${escapeHtml(n.workspace.name)} · ${escapeHtml(words.why)} ${escapeHtml(words.settings)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: subjectLine(`[${n.workspace.name}] ${message}`), text, html };
}
