import { Select } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { INDONESIAN_ZONES, useZone, zoneLabel } from '../zone';

const allZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/Brussels', 'Europe/Copenhagen'];
  }
};

/** WIB, WITA and WIT first, then every IANA zone; the choice goes into the URL (`?zone=`). */
export function ZoneSwitcher() {
  const { t } = useTranslation('shell');
  const zone = useZone();
  const navigate = useNavigate();
  const data = useMemo(() => {
    const indonesian = Object.entries(INDONESIAN_ZONES).map(([alias, iana]) => ({
      value: alias,
      label: `${alias} (${iana})`,
    }));
    const indonesianIana: string[] = Object.values(INDONESIAN_ZONES);
    const others = allZones()
      .filter((z) => !indonesianIana.includes(z))
      .map((z) => ({ value: z, label: z }));
    return [
      { group: t('zone.indonesia'), items: indonesian },
      { group: t('zone.others'), items: others },
    ];
  }, [t]);
  return (
    <Select
      label={t('zone.label')}
      data={data}
      value={zoneLabel(zone)}
      searchable
      limit={60}
      allowDeselect={false}
      maxDropdownHeight={320}
      w={200}
      size="xs"
      data-testid="zone-switcher"
      onChange={(value) => {
        if (value) void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, zone: value }) });
      }}
    />
  );
}
