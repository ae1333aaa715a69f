import { z } from 'zod';

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

// Custom messages carry "Indonesian|English" (see core/errors/zod-issues.ts).
export const zIanaZone = z
  .string()
  .max(64)
  .refine(isIanaZone, 'Harus nama zona waktu IANA, misalnya Asia/Jakarta|Must be an IANA time zone, e.g. Asia/Jakarta');

export const zEmail = z.string().trim().toLowerCase().max(320).pipe(z.email());
export const zPassword = z.string().min(10).max(200);
export const zName = z.string().trim().min(1).max(200);
export const zLocale = z.enum(['id', 'en']);
export const zUuid = z.uuid().meta({ id: 'Uuid' });
/** One named component ("Instant") in the OpenAPI document, so its long pattern is written once. */
export const zInstant = z.iso
  .datetime({ offset: true })
  .meta({ id: 'Instant', description: 'ISO 8601 instant with an offset, e.g. 2027-05-01T09:00:00+07:00' });

/**
 * An instant in a response: an ISO 8601 string on the wire (what the OpenAPI document shows), a
 * Date in TypeScript (what services return). Parsing a real response with a view schema turns the
 * strings back into Dates, so the drift tests check the wire format too.
 */
export const zTimestamp = z.codec(zInstant, z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});
