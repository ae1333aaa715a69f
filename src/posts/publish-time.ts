import { DateTime } from 'luxon';
import type { ResolvedSchedule, ScheduleInput } from '../core/time';
import { AppError } from '../core/errors';
import type { LocalizedText } from '../core/i18n';
import { POST_TEXT } from './posts.messages';

/** When a post publishes: a time (UTC plus the zone it was planned in), or "as soon as approved". */
export interface Timing {
  scheduledAt: Date | null;
  scheduleZone: string | null;
  publishNow: boolean;
  notAfter: Date | null;
}

export interface TimingChanges {
  schedule?: ScheduleInput | null;
  publishNow?: boolean;
  notAfter?: string | null;
}

/**
 * The timing a create (no `before`) or an update makes. A time already past is refused when it is
 * set; "publish now" is the way to say "as soon as approved", and clears the time (a time set in
 * the same change clears "publish now"; the request schema refuses both at once).
 */
export function nextTiming(
  before: Timing | null,
  changes: TimingChanges,
  when: ResolvedSchedule | null,
  now = new Date(),
): Timing {
  if (when) assertStillAhead(when.instant, when.zone, POST_TEXT.timePassedWhenDrafting, now);
  const publishNow = when ? false : (changes.publishNow ?? before?.publishNow ?? false);
  const timeChanged = changes.schedule !== undefined;
  const timing: Timing = {
    publishNow,
    scheduledAt: publishNow ? null : timeChanged ? (when?.instant ?? null) : (before?.scheduledAt ?? null),
    scheduleZone: publishNow ? null : timeChanged ? (when?.zone ?? null) : (before?.scheduleZone ?? null),
    notAfter:
      changes.notAfter !== undefined
        ? changes.notAfter
          ? new Date(changes.notAfter)
          : null
        : (before?.notAfter ?? null),
  };
  if (timing.scheduledAt && timing.notAfter && timing.notAfter <= timing.scheduledAt) {
    throw AppError.unprocessable('not_after_before_time', POST_TEXT.notAfterBeforeTime);
  }
  return timing;
}

/** Submitting: a time that passed meanwhile is refused too ("publish now" has no time to pass). */
export function assertSubmittableTiming(post: Timing, now = new Date()): void {
  if (post.scheduledAt && !post.publishNow)
    assertStillAhead(post.scheduledAt, post.scheduleZone, POST_TEXT.timePassedWhenDrafting, now);
}

/**
 * The instant an approval schedules the deliveries at: the post's time, still ahead; or, for a
 * "publish now" post, the approval itself (planned in the post's zone, else `fallbackZone`).
 */
export function approvalTiming(post: Timing, fallbackZone: string, now = new Date()): { instant: Date; zone: string } {
  if (post.publishNow) {
    if (post.notAfter && post.notAfter <= now) {
      throw AppError.unprocessable('not_after_passed', POST_TEXT.notAfterPassed, {
        time: formatFor(post.notAfter, post.scheduleZone ?? fallbackZone),
      });
    }
    return { instant: now, zone: post.scheduleZone ?? fallbackZone };
  }
  if (!post.scheduledAt) throw AppError.unprocessable('no_time', POST_TEXT.noTime);
  assertStillAhead(post.scheduledAt, post.scheduleZone, POST_TEXT.timePassed, now);
  return { instant: post.scheduledAt, zone: post.scheduleZone ?? fallbackZone };
}

export function assertStillAhead(
  instant: Date,
  zone: string | null,
  text: LocalizedText = POST_TEXT.timePassed,
  now = new Date(),
): void {
  if (instant.getTime() <= now.getTime())
    throw AppError.unprocessable('time_passed', text, { time: formatFor(instant, zone) });
}

const formatFor = (instant: Date, zone: string | null) =>
  DateTime.fromJSDate(instant, { zone: zone ?? 'UTC' }).toFormat('yyyy-MM-dd HH:mm ZZZZ');
