import { DateTime } from 'luxon';
import { z } from 'zod';
import { inputMessage } from '../i18n';

/** True for IANA zone names such as Asia/Jayapura (not offsets like +09:00, not abbreviations like WIT). */
export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

// Custom messages are bilingual: inputMessage (core/i18n/input-message.ts).
export const zIanaZone = z
  .string()
  .max(64)
  .refine(
    isIanaZone,
    inputMessage({
      id: 'Harus nama zona waktu IANA, misalnya Asia/Jakarta',
      en: 'Must be an IANA time zone, e.g. Asia/Jakarta',
    }),
  );

/** A PATCH body must change something: `.refine(changesSomething, NOTHING_TO_CHANGE)`. */
export function changesSomething(changes: object): boolean {
  return Object.keys(changes).length > 0;
}
export const NOTHING_TO_CHANGE = inputMessage({ id: 'Tidak ada perubahan', en: 'Nothing to change' });

export const zEmail = z.string().trim().toLowerCase().max(320).pipe(z.email());
export const zPassword = z.string().min(10).max(200);
export const zName = z.string().trim().min(1).max(200);
export const zLocale = z.enum(['id', 'en']);
export const zUuid = z.uuid().meta({ id: 'Uuid' });

/**
 * Every date a request may carry lies in these years: wide enough for any campaign, archive or
 * plan, narrow enough that no date library is ever asked about year 1 or 9999 (date-holidays does
 * not return for year 1, which froze the process).
 */
export const DATE_INPUT_YEARS = { min: 1970, max: 2199 } as const;
const EARLIEST_MS = Date.UTC(DATE_INPUT_YEARS.min, 0, 1);
const LATEST_MS = Date.UTC(DATE_INPUT_YEARS.max + 1, 0, 1);

/** True for an instant (epoch milliseconds) inside DATE_INPUT_YEARS, in UTC. */
export function isBoundedInstant(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms < LATEST_MS;
}

/** True for text that starts with a year inside DATE_INPUT_YEARS ("2027-05-01T09:00"). */
export function startsWithBoundedYear(text: string): boolean {
  const year = Number(/^\d{4}/.exec(text)?.[0]);
  return year >= DATE_INPUT_YEARS.min && year <= DATE_INPUT_YEARS.max;
}

const { min, max } = DATE_INPUT_YEARS;
export const BOUNDED_YEAR_MESSAGE = inputMessage({
  id: `Tahun harus antara ${min} dan ${max}`,
  en: `The year must be between ${min} and ${max}`,
});

/**
 * An ISO instant with an offset or Z ("2027-05-01T09:00:00+07:00"), between the bounded years. One
 * named component ("Instant") in the OpenAPI document, so its long pattern is written once.
 */
export const zInstant = z.iso
  .datetime({ offset: true })
  .refine((value) => isBoundedInstant(Date.parse(value)), BOUNDED_YEAR_MESSAGE)
  .meta({ id: 'Instant', description: 'ISO 8601 instant with an offset, e.g. 2027-05-01T09:00:00+07:00' });

/** A calendar date "2027-05-01" that exists, between the bounded years. */
export const zLocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, inputMessage({ id: 'Tanggal YYYY-MM-DD', en: 'A date YYYY-MM-DD' }))
  .refine(
    (value) => DateTime.fromISO(value, { zone: 'utc' }).isValid,
    inputMessage({ id: 'Tanggal ini tidak ada di kalender', en: 'This date does not exist' }),
  )
  .refine(startsWithBoundedYear, BOUNDED_YEAR_MESSAGE);

/**
 * An instant in a response: an ISO 8601 string on the wire (what the OpenAPI document shows), a
 * Date in TypeScript (what services return). Parsing a real response with a view schema turns the
 * strings back into Dates, so the drift tests check the wire format too.
 */
export const zTimestamp = z.codec(zInstant, z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});
