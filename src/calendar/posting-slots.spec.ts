import { DateTime } from 'luxon';
import { nextFreeSlot, postingSlotsSchema, type PostingSlot } from './posting-slots';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const iso = (instant: DateTime | null) => instant?.toUTC().toISO() ?? null;

describe('postingSlotsSchema', () => {
  it('accepts weekly slots', () => {
    const slots = [
      { weekday: 1, time: '09:00' },
      { weekday: 7, time: '23:59' },
    ];
    expect(postingSlotsSchema.parse(slots)).toEqual(slots);
  });

  it.each([
    [[{ weekday: 0, time: '09:00' }], 'weekday'],
    [[{ weekday: 8, time: '09:00' }], 'weekday'],
    [[{ weekday: 1, time: '9:00' }], 'time'],
    [[{ weekday: 1, time: '24:00' }], 'time'],
    [[{ weekday: 1, time: '09:00', extra: true }], 'extra'],
  ])('refuses %j', (slots, field) => {
    const result = postingSlotsSchema.safeParse(slots);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(field);
  });

  it('refuses duplicate slots with an Indonesian|English message', () => {
    const result = postingSlotsSchema.safeParse([
      { weekday: 2, time: '10:00' },
      { weekday: 2, time: '10:00' },
    ]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/^Ada slot .*\|A slot/);
  });
});

describe('nextFreeSlot', () => {
  // Monday and Thursday 09:00, Thursday 15:00.
  const slots: PostingSlot[] = [
    { weekday: 4, time: '15:00' },
    { weekday: 1, time: '09:00' },
    { weekday: 4, time: '09:00' },
  ];

  it('finds the next slot after the given instant, in the workspace zone', () => {
    // Tuesday 2027-05-04 10:00 WIB -> Thursday 2027-05-06 09:00 WIB.
    const next = nextFreeSlot(slots, 'Asia/Jakarta', at('2027-05-04T10:00+07:00'), []);
    expect(iso(next)).toBe('2027-05-06T02:00:00.000Z');
    expect(next?.zoneName).toBe('Asia/Jakarta');
  });

  it('is strictly after: a slot at exactly `after` is not offered', () => {
    const next = nextFreeSlot(slots, 'Asia/Jakarta', at('2027-05-06T09:00+07:00'), []);
    expect(iso(next)).toBe('2027-05-06T08:00:00.000Z');
  });

  it('skips taken instants (to the minute) and wraps into the next week', () => {
    const taken = [new Date('2027-05-06T02:00:20Z'), new Date('2027-05-06T08:00:00Z')];
    const next = nextFreeSlot(slots, 'Asia/Jakarta', at('2027-05-04T10:00+07:00'), taken);
    expect(iso(next)).toBe('2027-05-10T02:00:00.000Z');
  });

  it('returns null with no slots or when everything in the horizon is taken', () => {
    expect(nextFreeSlot([], 'Asia/Jakarta', at('2027-05-04T10:00+07:00'), [])).toBeNull();
    const taken = [new Date('2027-05-10T02:00:00Z')];
    expect(
      nextFreeSlot([{ weekday: 1, time: '09:00' }], 'Asia/Jakarta', at('2027-05-04T10:00+07:00'), taken, 7),
    ).toBeNull();
  });

  it('shifts a slot inside the spring-forward gap to the end of the gap', () => {
    const sunday = [{ weekday: 7, time: '02:30' }];
    const next = nextFreeSlot(sunday, 'Europe/Berlin', at('2027-03-27T12:00+01:00'), []);
    expect(next?.toISO()).toBe('2027-03-28T03:00:00.000+02:00');
  });

  it('does not offer the same instant twice when a shifted slot meets a real one', () => {
    const sunday = [
      { weekday: 7, time: '02:30' },
      { weekday: 7, time: '03:00' },
      { weekday: 7, time: '04:00' },
    ];
    const taken = [new Date('2027-03-28T01:00:00Z')];
    const next = nextFreeSlot(sunday, 'Europe/Berlin', at('2027-03-27T12:00+01:00'), taken);
    expect(next?.toISO()).toBe('2027-03-28T04:00:00.000+02:00');
  });

  it('uses the earlier occurrence of a slot doubled by the autumn fold, once', () => {
    const sunday = [{ weekday: 7, time: '02:30' }];
    const first = nextFreeSlot(sunday, 'Europe/Berlin', at('2027-10-30T12:00+02:00'), []);
    expect(iso(first)).toBe('2027-10-31T00:30:00.000Z');
    const second = nextFreeSlot(sunday, 'Europe/Berlin', at('2027-10-30T12:00+02:00'), [first!.toJSDate()]);
    expect(iso(second)).toBe('2027-11-07T01:30:00.000Z');
  });

  it('reads `after` in any zone: Brussels evening is already the next WIT day', () => {
    const daily = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, time: '08:00' }));
    // 2027-05-01 22:00 CEST = 2027-05-02 05:00 WIT -> 08:00 WIT that same Sunday.
    const next = nextFreeSlot(daily, 'Asia/Jayapura', at('2027-05-01T22:00+02:00'), []);
    expect(next?.toISO()).toBe('2027-05-02T08:00:00.000+09:00');
  });
});
