import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { AppError } from '../errors';
import { BOUNDED_YEAR_MESSAGE, startsWithBoundedYear } from '../http';

/**
 * Which of the two instants a wall-clock time means when the clocks go back (a DST "fold", e.g.
 * 02:30 on 31 Oct 2027 in Europe/Berlin happens twice). Default 'earlier': the first occurrence,
 * still in summer time, so a post is never later than the planner could have meant.
 */
export type Fold = 'earlier' | 'later';
export const DEFAULT_FOLD: Fold = 'earlier';

/** Indonesian zone abbreviations accepted as input; always stored as the IANA name. */
export const ZONE_ALIASES: Readonly<Record<string, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The body of any "when" field: an instant with offset, or a wall-clock time read in `zone`. */
export const scheduleInputSchema = z
  .object({
    at: z.string().min(16).max(40).refine(startsWithBoundedYear, BOUNDED_YEAR_MESSAGE),
    zone: z.string().min(1).max(64),
    fold: z.enum(['earlier', 'later']).optional(),
  })
  .strict()
  .meta({
    id: 'ScheduleInput',
    description:
      'A wall-clock time (at 2027-05-01T09:00) in an IANA zone, or an instant with an offset; fold picks the earlier or later of a time repeated by a DST change',
  });
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

export interface ResolvedSchedule {
  /** The UTC instant to store (scheduledAt). */
  instant: Date;
  /** The IANA zone it was planned in (scheduleZone). */
  zone: string;
  /** The wall-clock time in that zone, as it will be shown back. */
  local: string;
  /** True when the wall-clock time happened twice and `fold` picked one. */
  wasAmbiguous: boolean;
}

/**
 * Turns a user-typed zone into a canonical IANA name, or throws 422. Fixed offsets ("+07:00",
 * "Etc/GMT-7") and bare abbreviations ("CET", "EST") are refused: they carry no DST rules, so a
 * campaign planned in them would drift an hour from what partners in Europe see.
 */
export function resolveZone(input: string): string {
  let zone = resolvedZones.get(input);
  if (zone === undefined) {
    zone = resolveZoneUncached(input);
    // Valid spellings only, and a bounded number of them (each costs two Intl look-ups to check).
    if (resolvedZones.size < 1000) resolvedZones.set(input, zone);
  }
  return zone;
}

const resolvedZones = new Map<string, string>();

function resolveZoneUncached(input: string): string {
  const trimmed = input.trim();
  const alias = ZONE_ALIASES[trimmed.toUpperCase()];
  if (alias) return alias;
  if (/^(UTC|GMT)?\s*[+-]\d{1,2}(:?\d{2})?$/i.test(trimmed) || /^Etc\/GMT[+-]/i.test(trimmed)) {
    throw AppError.unprocessable('fixed_offset_not_a_zone', ZONE_TEXT.fixedOffset, { zone: trimmed });
  }
  const isAreaLocation = trimmed.includes('/') || /^(UTC|Etc\/UTC)$/i.test(trimmed);
  if (!isAreaLocation || !IANAZone.isValidZone(trimmed)) {
    throw AppError.unprocessable('unknown_time_zone', ZONE_TEXT.unknown, { zone: trimmed });
  }
  return new Intl.DateTimeFormat('en', { timeZone: trimmed }).resolvedOptions().timeZone;
}

export type LocalTimeInspection =
  | { kind: 'unique'; instant: DateTime }
  | { kind: 'ambiguous'; earlier: DateTime; later: DateTime }
  /** The wall-clock time was skipped; `nextValid` is the first moment after the gap. */
  | { kind: 'gap'; nextValid: DateTime };

/**
 * Every instant a wall-clock time can mean in a zone. Luxon alone silently shifts a skipped time
 * forward and silently picks one side of a fold; callers must decide, so we look at both offsets
 * around the time (no zone changes offset twice within 24 hours). Only the wall-clock fields of
 * `wall` are read; its own zone is ignored.
 */
export function inspectLocalTime(wall: DateTime, zone: string): LocalTimeInspection {
  const iana = IANAZone.create(zone);
  const wallAsUtc = DateTime.fromObject(wall.toObject(), { zone: 'utc' }).toMillis();
  const hour = 3_600_000;
  const offsets = [...new Set([iana.offset(wallAsUtc - 12 * hour), iana.offset(wallAsUtc + 12 * hour)])];
  const instants = offsets
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((ms) => iana.offset(ms) === (wallAsUtc - ms) / 60_000)
    .sort((a, b) => a - b)
    .map((ms) => DateTime.fromMillis(ms, { zone }));
  if (instants.length === 2) return { kind: 'ambiguous', earlier: instants[0], later: instants[1] };
  if (instants.length === 1) return { kind: 'unique', instant: instants[0] };
  return { kind: 'gap', nextValid: gapEnd(iana, wallAsUtc, offsets, zone) };
}

/** The transition instant of a gap, found by bisection between the two offsets' readings. */
function gapEnd(iana: IANAZone, wallAsUtc: number, offsets: number[], zone: string): DateTime {
  let before = wallAsUtc - Math.max(...offsets) * 60_000;
  let after = wallAsUtc - Math.min(...offsets) * 60_000;
  const offsetBefore = iana.offset(before);
  while (after - before > 1000) {
    const middle = Math.floor((before + after) / 2);
    if (iana.offset(middle) === offsetBefore) before = middle;
    else after = middle;
  }
  return DateTime.fromMillis(Math.ceil(after / 1000) * 1000, { zone });
}

/**
 * Resolves a schedule: an ISO instant with offset or Z is taken as is; a wall-clock time is read
 * in `zone`, refusing a time that does not exist there and resolving a doubled time by `fold`.
 * `fold` is ignored for instants, which are never ambiguous.
 */
export function resolveSchedule(input: ScheduleInput): ResolvedSchedule {
  const zone = resolveZone(input.zone);
  const at = input.at.trim();
  if (INSTANT_WITH_OFFSET.test(at)) {
    const parsed = DateTime.fromISO(at, { setZone: true });
    if (!parsed.isValid) throw invalidDateTime(at);
    return described(parsed.setZone(zone), zone, false);
  }
  if (!LOCAL_DATE_TIME.test(at)) throw invalidDateTime(at);
  const local = DateTime.fromISO(at, { zone: 'utc' });
  if (!local.isValid) throw invalidDateTime(at);
  const inspection = inspectLocalTime(local, zone);
  if (inspection.kind === 'gap') {
    throw AppError.unprocessable('time_does_not_exist', ZONE_TEXT.gap, {
      local: local.toFormat("yyyy-MM-dd'T'HH:mm"),
      zone,
      next: inspection.nextValid.toFormat("yyyy-MM-dd'T'HH:mm"),
    });
  }
  if (inspection.kind === 'unique') return described(inspection.instant, zone, false);
  const fold = input.fold ?? DEFAULT_FOLD;
  return described(fold === 'earlier' ? inspection.earlier : inspection.later, zone, true);
}

function described(instant: DateTime, zone: string, wasAmbiguous: boolean): ResolvedSchedule {
  return {
    instant: instant.toUTC().toJSDate(),
    zone,
    local: instant.toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    wasAmbiguous,
  };
}

function invalidDateTime(at: string): AppError {
  return AppError.unprocessable('invalid_date_time', ZONE_TEXT.invalid, { at });
}

export type CalendarView = 'day' | 'week' | 'month';

/**
 * The half-open range [from, to) of a calendar view around `anchor` (a date "2027-05-01" or an
 * instant), in `zone`, as UTC instants for the query. Weeks start on Monday (ISO). Computed in the
 * zone, so a month across a DST change is not a multiple of 24 hours.
 */
export function calendarRange(view: CalendarView, anchor: string | Date, zone: string): { from: Date; to: Date } {
  const iana = resolveZone(zone);
  const start =
    typeof anchor === 'string' ? DateTime.fromISO(anchor, { zone: iana }) : DateTime.fromJSDate(anchor, { zone: iana });
  if (!start.isValid) throw invalidDateTime(String(anchor));
  const from = start.startOf(view);
  const to = from.plus({ [`${view}s`]: 1 }).startOf(view);
  return { from: from.toUTC().toJSDate(), to: to.toUTC().toJSDate() };
}

const ZONE_TEXT = {
  fixedOffset: {
    id: '"{zone}" adalah selisih waktu tetap, bukan zona waktu. Gunakan nama zona IANA seperti Asia/Jakarta, atau WIB/WITA/WIT.',
    en: '"{zone}" is a fixed offset, not a time zone. Use an IANA zone name such as Asia/Jakarta or Europe/Brussels, or WIB/WITA/WIT.',
  },
  unknown: {
    id: 'Zona waktu "{zone}" tidak dikenal. Gunakan nama zona IANA seperti Asia/Jakarta atau Europe/Brussels, atau WIB/WITA/WIT.',
    en: 'Unknown time zone "{zone}". Use an IANA zone name such as Asia/Jakarta or Europe/Brussels, or WIB/WITA/WIT.',
  },
  gap: {
    id: 'Waktu {local} tidak ada di zona {zone} (jam dimajukan karena pergantian waktu musim panas). Waktu valid berikutnya: {next}.',
    en: 'The time {local} does not exist in {zone} (clocks jump forward for daylight saving time). The next valid time is {next}.',
  },
  invalid: {
    id: 'Waktu "{at}" tidak valid. Gunakan 2027-05-01T09:00 dengan zona, atau waktu ISO dengan offset seperti 2027-05-01T09:00+07:00.',
    en: 'The time "{at}" is invalid. Use 2027-05-01T09:00 with a zone, or an ISO time with offset such as 2027-05-01T09:00+07:00.',
  },
};
