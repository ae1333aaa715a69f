import { z } from 'zod';
import { zInstant, zKeyDateKind, zPlatform, zPostStatus, zUuid } from '../core/http';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Tanggal YYYY-MM-DD|A date YYYY-MM-DD');

export const calendarQuerySchema = z
  .object({
    /** Either view + anchor (a local date in `zone`)... */
    view: z.enum(['day', 'week', 'month']).optional(),
    anchor: localDate.optional(),
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
    after: z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_[0-9a-f-]{36}$/).optional(),
  })
  .strict()
  .refine((q) => (q.from && q.to) || (!q.from && !q.to), { message: 'from dan to diisi bersama|Give from and to together', path: ['to'] })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) > Date.parse(q.from), { message: 'to harus setelah from|to must be after from', path: ['to'] })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) - Date.parse(q.from) <= 100 * 86_400_000, { message: 'Paling lama 100 hari|At most 100 days', path: ['to'] });

export const keyDateSchema = z
  .object({ date: localDate, title: z.string().trim().min(1).max(200), kind: zKeyDateKind.default('OTHER') })
  .strict();

/** Without a range: from 30 days ago to a year ahead. */
export const keyDatesQuerySchema = z.object({ from: localDate.optional(), to: localDate.optional() }).strict();

export type CalendarQuery = z.infer<typeof calendarQuerySchema>;
