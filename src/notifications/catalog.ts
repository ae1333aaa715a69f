import { DateTime } from 'luxon';
import type { NotificationKind } from '../core/database';
import { interpolate, type Locale } from '../core/i18n';

/**
 * Every notification is a code (its kind) with the parameters below, never stored prose: the text
 * is made when someone reads it, in the reader's language, with instants in the reader's zone.
 * Platform reasons (`reason`) are the platform's own words and stay as they came.
 */
export interface NotificationParams {
  TARGET_FAILED: { post: string; reason: string };
  TARGET_UNCONFIRMED: { post: string; reason: string | null };
  TARGET_EXPIRED: { post: string; cause: 'not_after' | 'hold'; lateMinutes: number | null };
  ACCOUNT_NEEDS_RECONNECT: { account: string; reason: string };
  POST_NOT_APPROVED_IN_TIME: { post: string; scheduledAt: string | null };
  TARGET_PUBLISHED_LATE: { post: string; lateSeconds: number };
  POST_SUBMITTED: { actor: string; post: string };
  POST_CHANGES_REQUESTED: { actor: string; post: string; comment: string };
  POST_APPROVED: { actor: string; post: string };
  POST_COMMENTED: { actor: string; post: string; comment: string };
  WORKSPACE_HELD: { actor: string; reason: string; resumeAt: string | null };
  /** actor null: lifted by itself at its planned time. */
  WORKSPACE_RESUMED: { actor: string | null };
  CAMPAIGN_HELD: { actor: string; campaign: string; reason: string; resumeAt: string | null };
  CAMPAIGN_RESUMED: { actor: string | null; campaign: string };
  PARTNER_INVITED: { workspace: string; campaign: string };
  /** A rapid-response statement written by `actor` waits for a second person to release it. */
  STATEMENT_AWAITING_RELEASE: { actor: string; post: string; targets: number };
  /** A post still in review whose time is within the hour. */
  POST_APPROVAL_DUE_SOON: { post: string; scheduledAt: string | null };
}

/**
 * What needs someone to act (a delivery or an account): the workspace's shared list with resolve,
 * and what outgoing webhooks carry. The other kinds are news for the people they name only.
 */
export const ATTENTION_KINDS = [
  'TARGET_FAILED',
  'TARGET_UNCONFIRMED',
  'TARGET_EXPIRED',
  'ACCOUNT_NEEDS_RECONNECT',
  'POST_NOT_APPROVED_IN_TIME',
  'TARGET_PUBLISHED_LATE',
] as const satisfies readonly NotificationKind[];

export interface Reader {
  locale: Locale;
  timeZone: string;
}

type Values = Record<string, string | number>;
type Template = Record<Locale, string> | ((values: Values, locale: Locale) => string);

/** Parameters that hold an instant (ISO 8601, UTC); shown as a wall-clock time in the reader's zone. */
const INSTANTS = ['scheduledAt', 'resumeAt'];

const TEMPLATES: Record<NotificationKind, Template> = {
  TARGET_FAILED: { id: '"{post}" gagal diterbitkan: {reason}', en: '"{post}" failed to publish: {reason}' },
  TARGET_UNCONFIRMED: (v, l) =>
    interpolate(
      l === 'id'
        ? 'Tidak pasti apakah "{post}" sudah terbit: periksa akunnya'
        : 'Not sure "{post}" was published: check the account',
      v,
    ) + (v.reason ? ` (${v.reason})` : ''),
  TARGET_EXPIRED: (v, l) =>
    v.cause === 'hold'
      ? interpolate(
          l === 'id'
            ? '"{post}" kedaluwarsa selama penahanan ({lateMinutes} menit terlambat)'
            : '"{post}" expired during the hold ({lateMinutes} minutes late)',
          v,
        )
      : interpolate(
          l === 'id'
            ? '"{post}" tidak diterbitkan: batas "jangan terbitkan setelah" terlewati.'
            : '"{post}" was not published: the "do not publish after" time passed.',
          v,
        ),
  ACCOUNT_NEEDS_RECONNECT: {
    id: 'Akun {account} perlu dihubungkan ulang: {reason}',
    en: 'The account {account} needs a reconnect: {reason}',
  },
  POST_NOT_APPROVED_IN_TIME: {
    id: '"{post}" belum disetujui saat waktunya tiba ({scheduledAt}) dan tidak diterbitkan',
    en: '"{post}" was not approved by its time ({scheduledAt}) and was not published',
  },
  TARGET_PUBLISHED_LATE: (v, l) => {
    const seconds = Number(v.lateSeconds);
    const minutes = Math.round(seconds / 60);
    if (l === 'id') return `"${v.post}" terbit terlambat ${seconds < 120 ? `${seconds} detik` : `${minutes} menit`}`;
    return `"${v.post}" was published late by ${seconds < 120 ? `${seconds} seconds` : `${minutes} minutes`}`;
  },
  POST_SUBMITTED: { id: '{actor} mengajukan "{post}" untuk ditinjau', en: '{actor} submitted "{post}" for review' },
  POST_CHANGES_REQUESTED: {
    id: '{actor} meminta perubahan pada "{post}": {comment}',
    en: '{actor} asked for changes to "{post}": {comment}',
  },
  POST_APPROVED: { id: '{actor} menyetujui "{post}"', en: '{actor} approved "{post}"' },
  POST_COMMENTED: {
    id: '{actor} berkomentar pada "{post}": {comment}',
    en: '{actor} commented on "{post}": {comment}',
  },
  WORKSPACE_HELD: (v, l) =>
    interpolate(
      l === 'id' ? '{actor} menahan semua penerbitan: {reason}' : '{actor} put all publishing on hold: {reason}',
      v,
    ) + (v.resumeAt ? interpolate(l === 'id' ? ' (dilanjutkan {resumeAt})' : ' (resumes {resumeAt})', v) : ''),
  WORKSPACE_RESUMED: (v, l) =>
    v.actor
      ? interpolate(l === 'id' ? '{actor} melanjutkan penerbitan' : '{actor} resumed publishing', v)
      : l === 'id'
        ? 'Penahanan berakhir sesuai jadwal: penerbitan dilanjutkan'
        : 'The hold ended as planned: publishing resumed',
  CAMPAIGN_HELD: (v, l) =>
    interpolate(
      l === 'id'
        ? '{actor} menahan kampanye "{campaign}": {reason}'
        : '{actor} put the campaign "{campaign}" on hold: {reason}',
      v,
    ) + (v.resumeAt ? interpolate(l === 'id' ? ' (dilanjutkan {resumeAt})' : ' (resumes {resumeAt})', v) : ''),
  CAMPAIGN_RESUMED: (v, l) =>
    v.actor
      ? interpolate(
          l === 'id' ? '{actor} melanjutkan kampanye "{campaign}"' : '{actor} resumed the campaign "{campaign}"',
          v,
        )
      : interpolate(
          l === 'id'
            ? 'Penahanan kampanye "{campaign}" berakhir sesuai jadwal'
            : 'The hold on the campaign "{campaign}" ended as planned',
          v,
        ),
  PARTNER_INVITED: {
    id: '{workspace} mengundang Anda ke kampanye bersama "{campaign}"',
    en: '{workspace} invited you to the joint campaign "{campaign}"',
  },
  STATEMENT_AWAITING_RELEASE: {
    id: 'Pernyataan cepat dari {actor} menunggu dirilis ke {targets} akun: "{post}"',
    en: 'A rapid-response statement by {actor} waits for release to {targets} accounts: "{post}"',
  },
  POST_APPROVAL_DUE_SOON: {
    id: '"{post}" belum disetujui dan dijadwalkan terbit {scheduledAt}',
    en: '"{post}" is not approved yet and is due to publish at {scheduledAt}',
  },
};

/** The text of one notification for one reader. Rows from before codes carry `legacy`, their old bilingual text. */
export function renderNotification(kind: NotificationKind, params: unknown, reader: Reader): string {
  const raw = params && typeof params === 'object' ? (params as Record<string, unknown>) : {};
  if (typeof raw.legacy === 'string') return raw.legacy;
  const values: Values = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === null || value === undefined) continue;
    if (INSTANTS.includes(name) && typeof value === 'string') values[name] = wallClock(value, reader);
    else if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  const template = TEMPLATES[kind];
  return typeof template === 'function'
    ? template(values, reader.locale)
    : interpolate(template[reader.locale], values);
}

function wallClock(iso: string, reader: Reader): string {
  const at = DateTime.fromISO(iso, { zone: 'utc' })
    .setZone(reader.timeZone)
    .setLocale(reader.locale === 'id' ? 'id-ID' : 'en-GB');
  return at.isValid ? at.toFormat('d LLL yyyy HH:mm ZZZZ') : iso;
}

/** A short, single-line name for a post in a notification: its title, else the start of its text. */
export function postLabel(post: { title: string | null; baseText: string }): string {
  const text = (post.title?.trim() || post.baseText.replace(/\s+/g, ' ').trim()).slice(0, 80);
  return text || '-';
}
