import { z } from 'zod';
import { isBoundedInstant, zInstant, zKeyDateKind, zLocalDate, zPlatform, zPostStatus, zUuid } from '../core/http';
import { inputMessage } from '../core/i18n';

const DAY_MS = 86_400_000;
/** Key dates are listed for at most this long at once. */
const KEY_DATE_RANGE_DAYS = 3 * 366;

const BAD_CURSOR = inputMessage({
  id: 'Kursor tidak valid: gunakan nextAfter dari halaman sebelumnya',
  en: 'Invalid cursor: use nextAfter from the previous page',
});
/** Keyset cursor "<ISO instant>_<post id>", as the previous page's nextAfter gave it. */
const calendarCursor = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    BAD_CURSOR,
  )
  .refine((value) => isBoundedInstant(Date.parse(value.split('_')[0]!)), BAD_CURSOR);

export const calendarQuerySchema = z
  .object({
    /** Either view + anchor (a local date in `zone`)... */
    view: z.enum(['day', 'week', 'month']).optional(),
    anchor: zLocalDate.optional(),
    /** ...or an explicit [from, to) of instants. */
    from: zInstant.optional(),
    to: zInstant.optional(),
    /** The zone to show times in; defaults to the workspace zone. WIB/WITA/WIT accepted. */
    zone: z.string().max(64).optional(),
    campaignId: zUuid.optional(),
    accountId: zUuid.optional(),
    platform: zPlatform.optional(),
    status: zPostStatus.optional(),
    authorId: zUuid.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
    /** Keyset cursor from the previous page's nextAfter. */
    after: calendarCursor.optional(),
  })
  .strict()
  .refine((q) => (q.from && q.to) || (!q.from && !q.to), {
    message: inputMessage({ id: 'from dan to diisi bersama', en: 'Give from and to together' }),
    path: ['to'],
  })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) > Date.parse(q.from), {
    message: inputMessage({ id: 'to harus setelah from', en: 'to must be after from' }),
    path: ['to'],
  })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) - Date.parse(q.from) <= 100 * DAY_MS, {
    message: inputMessage({ id: 'Paling lama 100 hari', en: 'At most 100 days' }),
    path: ['to'],
  });

export const keyDateSchema = z
  .object({ date: zLocalDate, title: z.string().trim().min(1).max(200), kind: zKeyDateKind.default('OTHER') })
  .strict();

/** Without a range: from 30 days ago to a year ahead. */
export const keyDatesQuerySchema = z
  .object({ from: zLocalDate.optional(), to: zLocalDate.optional() })
  .strict()
  .refine((q) => !(q.from && q.to) || q.to > q.from, {
    message: inputMessage({ id: 'to harus setelah from', en: 'to must be after from' }),
    path: ['to'],
  })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) - Date.parse(q.from) <= KEY_DATE_RANGE_DAYS * DAY_MS, {
    message: inputMessage({ id: `Paling lama ${KEY_DATE_RANGE_DAYS} hari`, en: `At most ${KEY_DATE_RANGE_DAYS} days` }),
    path: ['to'],
  });

export type CalendarQuery = z.infer<typeof calendarQuerySchema>;
