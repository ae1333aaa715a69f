import fc from 'fast-check';
import { DateTime } from 'luxon';
import { AppError } from '../errors';
import { zoneAbbreviation, zonedFormatter } from './zoned-format';

const formatInZone = (instant: Date, zone: string, locale: 'id' | 'en' = 'id') => zonedFormatter(zone, locale)(instant);
import { calendarRange, inspectLocalTime, resolveSchedule, resolveZone } from './zoned-time';

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('resolveZone', () => {
  it('accepts IANA names, canonicalising their case', () => {
    expect(resolveZone('Europe/Brussels')).toBe('Europe/Brussels');
    expect(resolveZone('asia/jakarta')).toBe('Asia/Jakarta');
    expect(resolveZone('UTC')).toBe('UTC');
  });

  it('maps WIB, WITA and WIT to their IANA zones', () => {
    expect(resolveZone('WIB')).toBe('Asia/Jakarta');
    expect(resolveZone('wita')).toBe('Asia/Makassar');
    expect(resolveZone('WIT')).toBe('Asia/Jayapura');
  });

  it.each(['+07:00', 'UTC+7', 'GMT-05:00', 'Etc/GMT-7'])('refuses the fixed offset %s', (zone) => {
    const error = thrown(() => resolveZone(zone));
    expect(error.status).toBe(422);
    expect(error.code).toBe('fixed_offset_not_a_zone');
    expect(error.messageIn('id')).toContain(zone);
  });

  it.each(['Mars/Olympus', 'CET', 'EST', 'Jakarta'])('refuses the unknown or bare name %s', (zone) => {
    const error = thrown(() => resolveZone(zone));
    expect(error.code).toBe('unknown_time_zone');
    expect(error.messageIn('en')).toContain(`"${zone}"`);
  });
});

describe('resolveSchedule', () => {
  it('reads a wall-clock time in the given zone', () => {
    const resolved = resolveSchedule({ at: '2027-05-01T09:00', zone: 'WIB' });
    expect(resolved.instant.toISOString()).toBe('2027-05-01T02:00:00.000Z');
    expect(resolved.zone).toBe('Asia/Jakarta');
    expect(resolved.local).toBe('2027-05-01T09:00:00');
    expect(resolved.wasAmbiguous).toBe(false);
  });

  it('takes an instant with offset or Z as is and keeps the planning zone', () => {
    const resolved = resolveSchedule({ at: '2027-05-01T09:00+07:00', zone: 'Europe/Brussels' });
    expect(resolved.instant.toISOString()).toBe('2027-05-01T02:00:00.000Z');
    expect(resolved.zone).toBe('Europe/Brussels');
    expect(resolved.local).toBe('2027-05-01T04:00:00');
    expect(resolveSchedule({ at: '2027-05-01T02:00:00Z', zone: 'WIT' }).local).toBe('2027-05-01T11:00:00');
  });

  it('refuses a time inside the spring-forward gap and names the next valid time', () => {
    const error = thrown(() => resolveSchedule({ at: '2027-03-28T02:30', zone: 'Europe/Berlin' }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('time_does_not_exist');
    expect(error.params).toMatchObject({ zone: 'Europe/Berlin', next: '2027-03-28T03:00' });
    expect(error.messageIn('id')).toContain('Europe/Berlin');
    expect(error.messageIn('id')).toContain('2027-03-28T03:00');
    expect(error.messageIn('en')).toContain('does not exist');
  });

  it('resolves a doubled autumn time to the earlier instant by default', () => {
    const resolved = resolveSchedule({ at: '2027-10-31T02:30', zone: 'Europe/Berlin' });
    expect(resolved.instant.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(resolved.wasAmbiguous).toBe(true);
  });

  it('resolves a doubled autumn time to the later instant when asked', () => {
    const resolved = resolveSchedule({ at: '2027-10-31T02:30', zone: 'Europe/Berlin', fold: 'later' });
    expect(resolved.instant.toISOString()).toBe('2027-10-31T01:30:00.000Z');
    expect(resolved.wasAmbiguous).toBe(true);
  });

  it.each(['2027-02-30T09:00', 'tomorrow', '2027-05-01', '2027-05-01T25:00'])('refuses the malformed time %s', (at) => {
    expect(thrown(() => resolveSchedule({ at, zone: 'WIB' })).code).toBe('invalid_date_time');
  });
});

describe('inspectLocalTime', () => {
  it('finds a gap in a zone whose clocks jump at midnight', () => {
    // America/Santiago springs forward at 00:00 on 2027-09-05.
    const inspection = inspectLocalTime(DateTime.fromISO('2027-09-05T00:30'), 'America/Santiago');
    expect(inspection.kind).toBe('gap');
    if (inspection.kind === 'gap') expect(inspection.nextValid.toFormat('HH:mm')).toBe('01:00');
  });

  it('sees a plain time as unique', () => {
    expect(inspectLocalTime(DateTime.fromISO('2027-10-31T02:30'), 'Asia/Jakarta').kind).toBe('unique');
  });
});

describe('formatInZone', () => {
  const instant = new Date('2027-05-01T02:00:00Z');

  it('shows the same instant in WIB, WITA, WIT and Brussels time', () => {
    expect(formatInZone(instant, 'Asia/Jakarta').text).toBe('Sabtu, 1 Mei 2027 09.00 WIB');
    expect(formatInZone(instant, 'Asia/Makassar').text).toBe('Sabtu, 1 Mei 2027 10.00 WITA');
    expect(formatInZone(instant, 'Asia/Jayapura').text).toBe('Sabtu, 1 Mei 2027 11.00 WIT');
    expect(formatInZone(instant, 'Europe/Brussels', 'en').text).toBe('Saturday, 1 May 2027 04:00 CEST');
    expect(formatInZone(instant, 'Europe/Brussels').iso).toBe('2027-05-01T04:00:00.000+02:00');
  });

  const zones = [
    'Asia/Jakarta',
    'Asia/Makassar',
    'Asia/Jayapura',
    'Europe/Brussels',
    'America/New_York',
    'Pacific/Chatham',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'America/St_Johns',
    'UTC',
  ];
  /** What luxon itself writes: the reference the fast formatter must match exactly. */
  const byLuxon = (when: Date, zone: string, locale: 'id' | 'en') => {
    const luxon = DateTime.fromJSDate(when, { zone }).setLocale(locale === 'id' ? 'id-ID' : 'en-GB');
    const text = `${luxon.toFormat('cccc, d MMMM yyyy')} ${luxon.toFormat(locale === 'id' ? 'HH.mm' : 'HH:mm')} ${zoneAbbreviation(when, zone)}`;
    return { iso: luxon.toISO(), text };
  };

  it('writes the same day, time and ISO form as luxon in every zone and language', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2070-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(...zones),
        fc.constantFrom('id' as const, 'en' as const),
        (when, zone, locale) => {
          const { iso, text } = formatInZone(when, zone, locale);
          expect({ iso, text }).toEqual(byLuxon(when, zone, locale));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('one formatter reused over a page of instants around offset changes stays exact (its per-day offset cache)', () => {
    const changes = [
      '2027-03-28T01:00:00Z',
      '2027-10-31T01:00:00Z',
      '2027-03-14T07:00:00Z',
      '2027-04-04T15:00:00Z',
      '2027-10-03T15:30:00Z',
      '2027-11-07T05:30:00Z',
      '2027-09-25T14:00:00Z',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...changes),
        fc.array(fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(...zones),
        fc.constantFrom('id' as const, 'en' as const),
        (change, shifts, zone, locale) => {
          const format = zonedFormatter(zone, locale);
          for (const shift of shifts) {
            const when = new Date(new Date(change).getTime() + shift);
            const { iso, text } = format(when);
            expect({ iso, text }).toEqual(byLuxon(when, zone, locale));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses the winter abbreviation in winter and GMT offsets where no name exists', () => {
    expect(zoneAbbreviation(new Date('2027-01-15T12:00:00Z'), 'Europe/Brussels')).toBe('CET');
    expect(zoneAbbreviation(new Date('2027-01-15T12:00:00Z'), 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation(new Date('2027-01-15T12:00:00Z'), 'Asia/Tokyo')).toMatch(/^(JST|GMT\+9)$/);
  });
});

describe('calendarRange', () => {
  it('gives a day in WIB as UTC instants', () => {
    const range = calendarRange('day', '2027-05-01', 'Asia/Jakarta');
    expect(range.from.toISOString()).toBe('2027-04-30T17:00:00.000Z');
    expect(range.to.toISOString()).toBe('2027-05-01T17:00:00.000Z');
  });

  it('starts the week on Monday', () => {
    // 2027-05-01 is a Saturday; its week runs Monday 26 April to Monday 3 May.
    const range = calendarRange('week', '2027-05-01', 'Asia/Makassar');
    expect(range.from.toISOString()).toBe('2027-04-25T16:00:00.000Z');
    expect(range.to.toISOString()).toBe('2027-05-02T16:00:00.000Z');
  });

  it('spans a month across the spring DST change in Brussels (one hour short of 31 days)', () => {
    const range = calendarRange('month', '2027-03-15', 'Europe/Brussels');
    expect(range.from.toISOString()).toBe('2027-02-28T23:00:00.000Z');
    expect(range.to.toISOString()).toBe('2027-03-31T22:00:00.000Z');
    expect(range.to.getTime() - range.from.getTime()).toBe((31 * 24 - 1) * 3_600_000);
  });

  it('accepts an instant as anchor and reads it in the zone', () => {
    const range = calendarRange('day', new Date('2027-05-01T20:00:00Z'), 'WIT');
    expect(range.from.toISOString()).toBe('2027-05-01T15:00:00.000Z');
  });
});
