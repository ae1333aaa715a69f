import { DateTime } from 'luxon';
import type { Locale } from '../core/i18n';
import { type Reader, renderNotification } from './catalog';
import { type MailedNotification, objectUrl } from './mail-content';

const WORDS: Record<Locale, { subject: (count: number) => string; intro: string; why: string }> = {
  id: {
    subject: (count) => `Ringkasan harian Gaung: ${count} notifikasi`,
    intro: 'Yang terjadi sejak ringkasan terakhir:',
    why: 'Anda menerima ringkasan harian karena pilihan notifikasi Anda. Ubah di Pengaturan, bagian Notifikasi.',
  },
  en: {
    subject: (count) => `Gaung daily digest: ${count} notifications`,
    intro: 'What happened since your last digest:',
    why: 'You get a daily digest because of your notification choices. Change them in Settings, Notifications.',
  },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One daily e-mail listing several notifications: each line in the reader's language and zone, with its own link. */
export function digestMail(items: MailedNotification[], reader: Reader, baseUrl: string) {
  const words = WORDS[reader.locale];
  const lines = items.map((n) => {
    const when = DateTime.fromJSDate(n.createdAt, { zone: reader.timeZone })
      .setLocale(reader.locale === 'id' ? 'id-ID' : 'en-GB')
      .toFormat('d LLL HH:mm ZZZZ');
    return {
      when,
      workspace: n.workspace.name,
      message: renderNotification(n.kind, n.params, reader),
      link: objectUrl(baseUrl, n),
    };
  });
  const text = [
    words.intro,
    '',
    ...lines.flatMap((l) => [`- ${l.when} · ${l.workspace}: ${l.message}`, `  ${l.link}`]),
    '',
    '--',
    words.why,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(words.intro)}</p><ul>`,
    ...lines.map(
      (l) =>
        `<li>${escapeHtml(l.when)} · ${escapeHtml(l.workspace)}: <a href="${escapeHtml(l.link)}">${escapeHtml(l.message)}</a></li>`,
    ),
    `</ul><hr><p style="color:#555;font-size:0.9em">${escapeHtml(words.why)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: words.subject(items.length), text, html };
}
