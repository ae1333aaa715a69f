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
export const zUuid = z.uuid();
export const zInstant = z.iso.datetime({ offset: true });
