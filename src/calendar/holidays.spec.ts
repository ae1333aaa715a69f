import { AppError } from '../core/errors';
import { calendarDates, isMayDay, publicHolidays } from './holidays';

describe('publicHolidays', () => {
  it('answers a repeated range from the per-year cache with the same holidays, which callers cannot change', () => {
    const range = { from: '2028-01-01', to: '2029-01-01' };
    const first = publicHolidays(range);
    const again = publicHolidays(range);
    expect(again).toEqual(first);
    expect(first.length).toBeGreaterThan(10);
    expect(() => {
      (first[0] as { date: string }).date = '1900-01-01';
    }).toThrow(TypeError);
    expect(publicHolidays({ from: '2028-05-01', to: '2028-05-02' }).map((h) => h.date)).toEqual(['2028-05-01']);
  });

  it('lists Indonesian public holidays with Indonesian and English names', () => {
    const holidays = publicHolidays({ from: '2027-05-01', to: '2027-06-01' });
    const mayDay = holidays.find((holiday) => holiday.date === '2027-05-01');
    expect(mayDay).toMatchObject({
      title: { id: 'Hari Buruh Internasional' },
      source: 'holiday',
      kind: 'PUBLIC_HOLIDAY',
      isMayDay: true,
      country: 'ID',
    });
    expect(mayDay?.title.en).toMatch(/labou?r/i);
    expect(holidays.every((holiday) => holiday.date >= '2027-05-01' && holiday.date < '2027-06-01')).toBe(true);
    expect(holidays.filter((holiday) => holiday.isMayDay)).toHaveLength(1);
    // Independence day is outside the range.
    expect(holidays.some((holiday) => holiday.date === '2027-08-17')).toBe(false);
  });

  it('names Isra Mikraj correctly (the library calls it Maulid in Indonesian)', () => {
    const [israMikraj] = publicHolidays({ from: '2027-01-05', to: '2027-01-06' });
    expect(israMikraj.title).toEqual({ id: 'Isra Mikraj Nabi Muhammad', en: "Laylat al-Mi'raj" });
    const [maulid] = publicHolidays({ from: '2027-08-14', to: '2027-08-15' });
    expect(maulid.title.id).toBe('Maulid Nabi Muhammad');
  });

  it('keeps the range end exclusive and spans a year change', () => {
    const holidays = publicHolidays({ from: '2026-12-25', to: '2027-01-01' });
    expect(holidays.map((holiday) => holiday.date)).toContain('2026-12-25');
    expect(holidays.map((holiday) => holiday.date)).not.toContain('2027-01-01');
    const spanning = publicHolidays({ from: '2026-12-25', to: '2027-01-02' }).map((holiday) => holiday.date);
    expect(spanning).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-01']));
  });

  it('serves another country, with English names where the library has them', () => {
    const holidays = publicHolidays({ from: '2027-05-01', to: '2027-05-02' }, 'be');
    expect(holidays).toHaveLength(1);
    expect(holidays[0]).toMatchObject({ country: 'BE', isMayDay: true });
    expect(holidays[0].title.en).toMatch(/labou?r/i);
    // No Indonesian names for Belgium: the country's first language stands in.
    expect(holidays[0].title.id).not.toBe('');
  });

  it('refuses an unknown country and a reversed range', () => {
    expect(() => publicHolidays({ from: '2027-01-01', to: '2027-02-01' }, 'XX')).toThrow(AppError);
    expect(() => publicHolidays({ from: '2027-02-01', to: '2027-01-01' })).toThrow(/invalid/);
  });
});

describe('calendarDates', () => {
  it('merges holidays and key dates by date, holidays first on the same day', () => {
    const entries = calendarDates({
      range: { from: '2027-04-28', to: '2027-05-05' },
      keyDates: [
        { id: 'k2', date: new Date('2027-05-03T00:00:00Z'), title: 'Aksi serentak', kind: 'RALLY' },
        { id: 'k1', date: new Date('2027-05-01T00:00:00Z'), title: 'Mogok nasional', kind: 'STRIKE' },
        { id: 'k0', date: new Date('2027-06-01T00:00:00Z'), title: 'Outside', kind: 'OTHER' },
      ],
    });
    expect(entries.map((entry) => [entry.date, entry.source, entry.keyDateId])).toEqual([
      ['2027-05-01', 'holiday', null],
      ['2027-05-01', 'key-date', 'k1'],
      ['2027-05-03', 'key-date', 'k2'],
    ]);
    expect(entries[1]).toMatchObject({
      kind: 'STRIKE',
      isMayDay: true,
      title: { id: 'Mogok nasional', en: 'Mogok nasional' },
    });
    expect(entries[2].isMayDay).toBe(false);
  });
});

describe('isMayDay', () => {
  it('is true on 1 May of any year only', () => {
    expect(isMayDay('1886-05-01')).toBe(true);
    expect(isMayDay('2027-05-10')).toBe(false);
    expect(isMayDay('2027-01-05')).toBe(false);
  });
});
