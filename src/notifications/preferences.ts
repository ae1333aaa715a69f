import { DateTime } from 'luxon';
import type { NotificationKind } from '../core/database';

/** Failures and things that need someone now: by e-mail unless turned off, and never held by quiet hours. */
const FAILURE_KINDS = [
  'TARGET_FAILED',
  'TARGET_UNCONFIRMED',
  'TARGET_EXPIRED',
  'POST_NOT_APPROVED_IN_TIME',
  'ACCOUNT_NEEDS_RECONNECT',
] as const satisfies readonly NotificationKind[];
const HOLD_KINDS = ['WORKSPACE_HELD', 'CAMPAIGN_HELD'] as const satisfies readonly NotificationKind[];

/**
 * A hold, a failure or a statement waiting for release ignores quiet hours and the daily digest:
 * it may need someone to act before the morning.
 */
export const URGENT_KINDS: readonly NotificationKind[] = [
  ...FAILURE_KINDS,
  ...HOLD_KINDS,
  'STATEMENT_AWAITING_RELEASE',
];

/**
 * By e-mail when a user chose nothing: review requests, changes requested, failures, late
 * deliveries, holds and statements. A late delivery is not urgent (it went out; quiet hours and the
 * digest apply), but never silently late means its author and the coordinators hear of it.
 */
export const DEFAULT_EMAIL_KINDS: readonly NotificationKind[] = [
  'POST_SUBMITTED',
  'POST_CHANGES_REQUESTED',
  'POST_APPROVAL_DUE_SOON',
  ...FAILURE_KINDS,
  'TARGET_PUBLISHED_LATE',
  ...HOLD_KINDS,
  'STATEMENT_AWAITING_RELEASE',
];

/** In Telegram when a user chose nothing: the same as by e-mail (only once they linked a chat). */
export const DEFAULT_TELEGRAM_KINDS: readonly NotificationKind[] = DEFAULT_EMAIL_KINDS;

export interface NotificationChoices {
  emailKinds: readonly NotificationKind[];
  telegramKinds: readonly NotificationKind[];
  /** Wall-clock "HH:mm" in the user's zone; both or neither. From 22:00 until 06:00 spans midnight. */
  quietHours: { from: string; until: string } | null;
  /** The hour (0-23, the user's zone) of one daily e-mail listing the non-urgent kinds; null: each e-mail at once. */
  digestHour: number | null;
}

export const DEFAULT_CHOICES: NotificationChoices = {
  emailKinds: DEFAULT_EMAIL_KINDS,
  telegramKinds: DEFAULT_TELEGRAM_KINDS,
  quietHours: null,
  digestHour: null,
};

/** Whether this kind's e-mail waits for the person's daily digest (never an urgent kind). */
export function goesToDigest(kind: NotificationKind, choices: NotificationChoices): boolean {
  return choices.digestHour !== null && !URGENT_KINDS.includes(kind);
}

/** The next digest instant strictly after `now`: today's `hour`:00 in `zone`, else tomorrow's. */
export function nextDigestAt(hour: number, zone: string, now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  return (
    today > local ? today : today.plus({ days: 1 }).set({ hour, minute: 0, second: 0, millisecond: 0 })
  ).toJSDate();
}

/**
 * When an e-mail or a Telegram message of this kind may go out: now, or the end of the quiet hours the instant falls in
 * (in the user's zone). Equal ends mean no quiet hours.
 */
export function sendAfter(kind: NotificationKind, choices: NotificationChoices, zone: string, now: Date): Date {
  const quiet = choices.quietHours;
  if (!quiet || quiet.from === quiet.until || URGENT_KINDS.includes(kind)) return now;
  const local = DateTime.fromJSDate(now, { zone });
  const at = (hhmm: string, day: DateTime) => {
    const [hour, minute] = hhmm.split(':').map(Number);
    return day.set({ hour, minute, second: 0, millisecond: 0 });
  };
  const minutes = local.hour * 60 + local.minute;
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const from = toMinutes(quiet.from);
  const until = toMinutes(quiet.until);
  const spansMidnight = from > until;
  const inQuiet = spansMidnight ? minutes >= from || minutes < until : minutes >= from && minutes < until;
  if (!inQuiet) return now;
  // Before midnight in a span over midnight: the quiet hours end tomorrow.
  const end = at(quiet.until, spansMidnight && minutes >= from ? local.plus({ days: 1 }) : local);
  return end.toJSDate();
}
