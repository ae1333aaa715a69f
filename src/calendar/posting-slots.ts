import { DateTime } from 'luxon';
import { z } from 'zod';
import { inspectLocalTime } from '../core/time';
import { inputMessage } from '../core/i18n';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** One weekly posting slot, in the workspace's zone. Weekday 1 = Monday ... 7 = Sunday (ISO). */
export const postingSlotSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    time: z.string().refine((time) => HH_MM.test(time), {
      message: inputMessage({ id: 'Gunakan format JJ:mm 24 jam, mis. 09:00.', en: 'Use 24-hour HH:mm, e.g. 09:00.' }),
    }),
  })
  .strict()
  .meta({
    id: 'PostingSlot',
    description: 'A weekly slot in the workspace zone: weekday 1 = Monday ... 7 = Sunday, time HH:mm',
  });

/** An account's weekly slots (the `postingSlots` JSON), as the API accepts them. */
export const postingSlotsSchema = z
  .array(postingSlotSchema)
  .max(200)
  .refine((slots) => new Set(slots.map((slot) => `${slot.weekday} ${slot.time}`)).size === slots.length, {
    message: inputMessage({ id: 'Ada slot yang sama lebih dari sekali.', en: 'A slot appears more than once.' }),
  });

export type PostingSlot = z.infer<typeof postingSlotSchema>;

/** How far ahead nextFreeSlot looks before giving up: a full quarter of weeks. */
const DEFAULT_HORIZON_DAYS = 13 * 7;

/**
 * The first slot strictly after `after` whose instant (to the minute) is not in `taken`, or null
 * when none is free within the horizon.
 *
 * DST rule: a slot time skipped by a spring-forward gap is shifted to the first valid minute after
 * the gap (02:30 in Europe/Berlin on the change day becomes 03:00), because an editor who booked
 * "Sunday morning" still wants Sunday morning; a slot doubled by the autumn fold happens once, at
 * the earlier occurrence, so a weekly slot never produces two posts.
 */
export function nextFreeSlot(
  slots: readonly PostingSlot[],
  zone: string,
  after: DateTime,
  taken: readonly Date[],
  horizonDays = DEFAULT_HORIZON_DAYS,
): DateTime | null {
  if (slots.length === 0) return null;
  const takenMinutes = new Set(taken.map((instant) => minuteOf(instant.getTime())));
  const afterMs = after.toMillis();
  const firstDay = after.setZone(zone).startOf('day');
  for (let offset = 0; offset <= horizonDays; offset++) {
    const day = firstDay.plus({ days: offset });
    for (const instant of slotInstantsOn(slots, day, zone)) {
      if (instant.toMillis() > afterMs && !takenMinutes.has(minuteOf(instant.toMillis()))) return instant;
    }
  }
  return null;
}

/** Up to `count` free slots in a row after `after` (fewer when the horizon runs out), by nextFreeSlot's rules. */
export function nextFreeSlots(
  slots: readonly PostingSlot[],
  zone: string,
  after: DateTime,
  taken: readonly Date[],
  count: number,
): DateTime[] {
  const found: DateTime[] = [];
  for (let from = after; found.length < count;) {
    const slot = nextFreeSlot(slots, zone, from, taken);
    if (!slot) break;
    found.push(slot);
    from = slot;
  }
  return found;
}

/** The instants of the slots falling on one local day, in time order, DST rule applied. */
function slotInstantsOn(slots: readonly PostingSlot[], day: DateTime, zone: string): DateTime[] {
  const instants = slots
    .filter((slot) => slot.weekday === day.weekday)
    .map((slot) => {
      const [hour, minute] = slot.time.split(':').map(Number);
      const wall = DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour, minute },
        { zone: 'utc' },
      );
      const inspection = inspectLocalTime(wall, zone);
      if (inspection.kind === 'gap') return inspection.nextValid;
      return inspection.kind === 'ambiguous' ? inspection.earlier : inspection.instant;
    })
    .sort((a, b) => a.toMillis() - b.toMillis());
  return instants.filter((instant, index) => index === 0 || instant.toMillis() !== instants[index - 1].toMillis());
}

function minuteOf(ms: number): number {
  return Math.floor(ms / 60_000);
}
