import { useMatch, useSearch } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { meQuery } from '../api/session';
import { useQuery } from '@tanstack/react-query';

/** Indonesia's three zones by their everyday names; the API accepts these aliases too. */
export const INDONESIAN_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' } as const;
export type ZoneAlias = keyof typeof INDONESIAN_ZONES;

export function toIanaZone(zone: string): string | undefined {
  const iana = (INDONESIAN_ZONES as Record<string, string>)[zone.toUpperCase()] ?? zone;
  try {
    new Intl.DateTimeFormat('en', { timeZone: iana });
    return iana;
  } catch {
    return undefined;
  }
}

/** The short name people use: WIB/WITA/WIT for Indonesia, the IANA name elsewhere. */
export function zoneLabel(iana: string): string {
  const alias = (Object.keys(INDONESIAN_ZONES) as ZoneAlias[]).find((key) => INDONESIAN_ZONES[key] === iana);
  return alias ?? iana;
}

/**
 * The zone every time is shown in: the URL's `zone` (so a link shows what the sender saw), else
 * the user's profile zone, else the workspace's.
 */
export function useZone(): string {
  const search = useSearch({ strict: false }) as { zone?: string };
  const me = useQuery(meQuery).data;
  const match = useMatch({ strict: false }) as { params?: { workspace?: string } };
  const slug = match.params?.workspace;
  const workspaceZone = me?.memberships.find((m) => m.workspace.slug === slug || m.workspace.id === slug)?.workspace
    .timeZone;
  return (
    (search.zone && toIanaZone(search.zone)) ||
    (me?.timeZone && toIanaZone(me.timeZone)) ||
    workspaceZone ||
    'Asia/Jakarta'
  );
}

/** Formats an instant in the chosen zone and language, with the zone's name after it. */
export function useFormatInstant(): (instant: string | Date, options?: Intl.DateTimeFormatOptions) => string {
  const zone = useZone();
  const { i18n } = useTranslation();
  return useCallback(
    (instant, options = { dateStyle: 'medium', timeStyle: 'short' }) =>
      `${new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { ...options, timeZone: zone }).format(new Date(instant))} ${zoneLabel(zone)}`,
    [zone, i18n.language],
  );
}

/** The wall-clock time of `instant` in `zone`, as `YYYY-MM-DDTHH:mm` (what the API's `{at, zone}` takes). */
export function wallClock(instant: Date | string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** Today's date in `zone`, `YYYY-MM-DD`. */
export const todayIn = (zone: string): string => wallClock(new Date(), zone).slice(0, 10);

/** `HH.mm` of `instant` in `zone` (the Indonesian way of writing a time, understood in English too). */
export const hourMinute = (instant: Date | string, zone: string): string =>
  wallClock(instant, zone).slice(11).replace(':', '.');
