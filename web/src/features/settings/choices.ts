import type { TFunction } from 'i18next';
import { INDONESIAN_ZONES, zoneLabel } from '../../app/zone';

/** Indonesia's three zones, plus the current one when it is elsewhere (a workspace abroad). */
export function zoneChoices(t: TFunction, current?: string | null) {
  const zones: string[] = Object.values(INDONESIAN_ZONES);
  const list = current && !zones.includes(current) ? [...zones, current] : zones;
  return list.map((zone) => ({ value: zone, label: t(`settings:zones.${zoneLabel(zone)}`, { defaultValue: zone }) }));
}

export const languageChoices = (t: TFunction) => [
  { value: 'id', label: t('settings:languages.id') },
  { value: 'en', label: t('settings:languages.en') },
];
