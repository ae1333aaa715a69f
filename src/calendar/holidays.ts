import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { AppError } from '../core/errors';
import type { KeyDateKind } from '../core/database';
import { LOCALES, type LocalizedText } from '../core/i18n';

/** One all-day entry of the calendar: a public holiday or a workspace's own key date. */
export interface CalendarDate {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  title: LocalizedText;
  source: 'holiday' | 'key-date';
  kind: 'PUBLIC_HOLIDAY' | KeyDateKind;
  /** 1 May: the day the whole movement plans around, whatever the country calls it. */
  isMayDay: boolean;
  /** The KeyDate row's id; null for holidays. */
  keyDateId: string | null;
  /** The holiday's country (ISO 3166-1 alpha-2); null for key dates. */
  country: string | null;
}

/** A KeyDate row as read from the database (its @db.Date arrives as UTC midnight). */
export interface KeyDateInput {
  id: string;
  date: Date;
  title: string;
  kind: KeyDateKind;
}

/** A range of local dates, YYYY-MM-DD, `to` excluded (as calendarRange gives for a view). */
export interface DateRange {
  from: string;
  to: string;
}

const DEFAULT_HOLIDAY_COUNTRY = 'ID';

/**
 * Names date-holidays 3.37 gets wrong, by country and rule: it calls Isra Mikraj (27 Rajab)
 * "Maulid Nabi Muhammad" in Indonesian, so the calendar would show Maulid twice a year.
 */
const NAME_CORRECTIONS: Readonly<Record<string, Readonly<Record<string, Partial<LocalizedText>>>>> = {
  ID: { '27 Rajab': { id: 'Isra Mikraj Nabi Muhammad' } },
};

/**
 * Public holidays (type "public" only: no observances) of a country in a range, named in Indonesian
 * and English where date-holidays has those names, otherwise in the country's first language.
 */
export function publicHolidays(range: DateRange, country: string = DEFAULT_HOLIDAY_COUNTRY): CalendarDate[] {
  const code = country.toUpperCase();
  if (!knownCountries().has(code)) {
    throw AppError.unprocessable('unknown_country', TEXT.unknownCountry, { country });
  }
  return yearsOf(range)
    .flatMap((year) => holidaysOfYear(code, year))
    .filter((holiday) => holiday.date >= range.from && holiday.date < range.to);
}

/**
 * date-holidays computes a year's lunar and Islamic holidays astronomically: about 50 ms per year
 * and language, which made every calendar request slow. A year's holidays never change within one
 * library version, so they are computed once per country and year (a small bounded cache).
 */
const YEAR_CACHE_LIMIT = 64;
const yearCache = new Map<string, readonly CalendarDate[]>();
let countries: ReadonlySet<string> | undefined;

const knownCountries = () => (countries ??= new Set(Object.keys(new Holidays().getCountries())));

function holidaysOfYear(code: string, year: number): readonly CalendarDate[] {
  const key = `${code}:${year}`;
  const cached = yearCache.get(key);
  if (cached) return cached;
  const computed = computeHolidaysOfYear(code, year);
  if (yearCache.size >= YEAR_CACHE_LIMIT) yearCache.delete(yearCache.keys().next().value!);
  yearCache.set(key, computed);
  return computed;
}

function computeHolidaysOfYear(code: string, year: number): readonly CalendarDate[] {
  const calendar = new Holidays(code);
  const available = calendar.getLanguages();
  const languageFor = (locale: string) => (available.includes(locale) ? locale : available[0]);
  const byLocale = LOCALES.map((locale) => calendar.getHolidays(year, languageFor(locale)));
  return byLocale[0].flatMap((holiday, index) => {
    if (holiday.type !== 'public') return [];
    const date = holiday.date.slice(0, 10);
    const title = Object.fromEntries(
      LOCALES.map((locale, l) => [
        locale,
        NAME_CORRECTIONS[code]?.[holiday.rule]?.[locale] ??
          sameHoliday(byLocale[l][index], holiday)?.name ??
          holiday.name,
      ]),
    ) as LocalizedText;
    return [
      Object.freeze({
        date,
        title: Object.freeze(title),
        source: 'holiday',
        kind: 'PUBLIC_HOLIDAY',
        isMayDay: isMayDay(date),
        keyDateId: null,
        country: code,
      } as const),
    ];
  });
}

/**
 * The all-day entries of a calendar view: the country's public holidays and the workspace's key
 * dates in the range, by date, holidays before key dates on the same day. Both are kept when they
 * fall together (a strike called on May Day is worth seeing next to the holiday).
 */
export function calendarDates(input: {
  range: DateRange;
  keyDates: readonly KeyDateInput[];
  country?: string;
}): CalendarDate[] {
  const keyDates = input.keyDates
    .map((keyDate): CalendarDate => {
      const date = keyDate.date.toISOString().slice(0, 10);
      return {
        date,
        title: { id: keyDate.title, en: keyDate.title },
        source: 'key-date',
        kind: keyDate.kind,
        isMayDay: isMayDay(date),
        keyDateId: keyDate.id,
        country: null,
      };
    })
    .filter((entry) => entry.date >= input.range.from && entry.date < input.range.to);
  const all = [...publicHolidays(input.range, input.country), ...keyDates];
  const sourceOrder = (entry: CalendarDate) => (entry.source === 'holiday' ? 0 : 1);
  return all.sort((a, b) => a.date.localeCompare(b.date) || sourceOrder(a) - sourceOrder(b));
}

export function isMayDay(date: string): boolean {
  return date.slice(5, 10) === '05-01';
}

function sameHoliday<T extends { date: string; rule: string }>(candidate: T | undefined, holiday: T): T | undefined {
  return candidate && candidate.date === holiday.date && candidate.rule === holiday.rule ? candidate : undefined;
}

function yearsOf(range: DateRange): number[] {
  const first = DateTime.fromISO(range.from);
  const last = DateTime.fromISO(range.to).minus({ days: 1 });
  if (!first.isValid || !last.isValid || last < first) {
    throw AppError.unprocessable('invalid_date_range', TEXT.invalidRange, { from: range.from, to: range.to });
  }
  return Array.from({ length: last.year - first.year + 1 }, (_, i) => first.year + i);
}

const TEXT = {
  unknownCountry: {
    id: 'Negara "{country}" tidak dikenal untuk daftar hari libur. Gunakan kode ISO dua huruf, mis. ID.',
    en: 'Unknown holiday country "{country}". Use a two-letter ISO code such as ID.',
  },
  invalidRange: {
    id: 'Rentang tanggal {from} sampai {to} tidak valid.',
    en: 'The date range {from} to {to} is invalid.',
  },
};
