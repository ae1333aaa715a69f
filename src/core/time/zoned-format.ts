// Instants written for people in a zone and language, as the calendar shows them: "Sabtu, 1 Mei
// 2027 09.00 WIB". Reading and validating zones and schedules lives in zoned-time.ts.
import { DateTime, Info } from 'luxon';
import type { Locale } from '../i18n';

/** The abbreviation Indonesians read for each Indonesian IANA zone (ICU only knows "GMT+7"). */
const INDONESIAN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB/WITA/WIT for Indonesia; otherwise the zone's usual abbreviation (CEST, EDT), else "GMT+7". */
export function zoneAbbreviation(instant: Date, zone: string): string {
  const indonesian = INDONESIAN_ABBREVIATIONS[zone];
  if (indonesian) return indonesian;
  const inZone = DateTime.fromJSDate(instant, { zone });
  const names = ['en-US', 'en-GB'].map((locale) => inZone.setLocale(locale).toFormat('ZZZZ'));
  return names.find((name) => !/^GMT[+-]/.test(name)) ?? names[0];
}

export interface FormattedInstant {
  /** ISO 8601 with the zone's offset, e.g. 2027-05-01T09:00:00.000+07:00. */
  iso: string;
  abbreviation: string;
  /** For people, e.g. "Sabtu, 1 Mei 2027 09.00 WIB" or "Saturday, 1 May 2027 04:00 CEST". */
  text: string;
}

const DAY_MS = 86_400_000;

/**
 * Formats many instants in one zone and language, as a calendar page does (hundreds per request):
 * "Sabtu, 1 Mei 2027 09.00 WIB" / "Saturday, 1 May 2027 04:00 CEST" (luxon's
 * "cccc, d MMMM yyyy HH.mm") and the ISO form with the zone's offset. Formatting each post through
 * luxon and Intl was most of a month view's CPU (docs/benchmarks.md, B2), so the offset is looked
 * up once per UTC day in which it does not change (a zone changes its offset at most once a day;
 * where the day's two ends differ, each instant is looked up) and the rest is arithmetic on the
 * shifted date with the language's day and month names. Property-tested against luxon.
 */
export function zonedFormatter(zone: string, locale: Locale): (instant: Date) => FormattedInstant {
  const inZone = Info.normalizeZone(zone);
  const names = calendarNames(locale);
  const constantOffsetOfDay = new Map<number, number | null>();
  const abbreviationOfOffset = new Map<number, string>();
  const offsetAt = (ms: number): number => {
    const day = Math.floor(ms / DAY_MS);
    let constant = constantOffsetOfDay.get(day);
    if (constant === undefined) {
      const atStart = inZone.offset(day * DAY_MS);
      constant = atStart === inZone.offset((day + 1) * DAY_MS - 1) ? atStart : null;
      constantOffsetOfDay.set(day, constant);
    }
    return constant ?? inZone.offset(ms);
  };
  return (instant) => {
    const offset = offsetAt(instant.getTime());
    let abbreviation = abbreviationOfOffset.get(offset);
    if (abbreviation === undefined) {
      abbreviation = zoneAbbreviation(instant, zone);
      abbreviationOfOffset.set(offset, abbreviation);
    }
    // The wall clock of the zone, read with the UTC getters.
    const wall = new Date(instant.getTime() + offset * 60_000);
    const hours = pad2(wall.getUTCHours());
    const minutes = pad2(wall.getUTCMinutes());
    const day = `${names.weekdays[wall.getUTCDay()]}, ${wall.getUTCDate()} ${names.months[wall.getUTCMonth()]} ${String(wall.getUTCFullYear()).padStart(4, '0')}`;
    return {
      iso: `${wall.toISOString().slice(0, 23)}${inZone.isUniversal && offset === 0 ? 'Z' : isoOffset(offset)}`,
      abbreviation,
      text: `${day} ${hours}${locale === 'id' ? '.' : ':'}${minutes} ${abbreviation}`,
    };
  };
}

const pad2 = (value: number) => String(value).padStart(2, '0');
const isoOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(minutes) / 60))}:${pad2(Math.abs(minutes) % 60)}`;

/** Day names (Sunday first, as getUTCDay counts) and month names of a language, read from Intl once. */
const namesByLocale = new Map<Locale, { weekdays: string[]; months: string[] }>();

function calendarNames(locale: Locale): { weekdays: string[]; months: string[] } {
  let names = namesByLocale.get(locale);
  if (!names) {
    const tag = locale === 'id' ? 'id-ID' : 'en-GB';
    const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(tag, { month: 'long', day: 'numeric', timeZone: 'UTC' });
    names = {
      // 2023-01-01 was a Sunday.
      weekdays: Array.from({ length: 7 }, (_, i) => weekday.format(Date.UTC(2023, 0, 1 + i))),
      months: Array.from(
        { length: 12 },
        (_, i) => month.formatToParts(Date.UTC(2023, i, 1)).find((part) => part.type === 'month')!.value,
      ),
    };
    namesByLocale.set(locale, names);
  }
  return names;
}
