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

/** The one page a notification is about, as the web app's list links it (NotificationsPage). */
export function objectPath(n: Pick<MailedNotification, 'kind' | 'subjectType' | 'subjectId' | 'workspace'>): string {
  const ws = encodeURIComponent(n.workspace.slug);
  switch (n.subjectType) {
    case 'POST':
      // A statement waiting for release is released from the rapid-response page.
      return n.kind === 'STATEMENT_AWAITING_RELEASE' ? `/app/${ws}/statements` : `/app/${ws}/posts/${n.subjectId}`;
    case 'ACCOUNT':
      return `/app/${ws}/accounts`;
    case 'CAMPAIGN':
      // An invitation is about another workspace's campaign: it is answered on the campaigns page.
      return n.kind === 'PARTNER_INVITED' ? `/app/${ws}/campaigns` : `/app/${ws}/campaigns/${n.subjectId}`;
    default:
      return `/app/${ws}/settings`;
  }
}

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
  const link = `${baseUrl}${objectPath(n)}`;
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
