import { Button, Collapse, Group, Select } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCalendarChoices } from '../../api/calendar';
import type { CalendarSearch } from './calendar-route';
import { platformValues } from '../../api/schema';
import { PLATFORM_NAMES } from '../../ui/platform-text';
import { DISPLAY_STATUSES } from './post-status';

type FilterKey = 'campaign' | 'account' | 'platform' | 'status' | 'author';

/** Campaign, account, platform, status and author; each choice lands in the URL. */
export function CalendarFilters({
  workspace,
  search,
  onChange,
}: {
  workspace: string;
  search: CalendarSearch;
  onChange: (changes: Partial<CalendarSearch>) => void;
}) {
  const { t } = useTranslation('calendar');
  const choices = useCalendarChoices(workspace);
  // On a phone the five filters fold away behind one button that says how many are on.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [open, toggle] = useDisclosure(false);
  const active = (['campaign', 'account', 'platform', 'status', 'author'] as const).filter((key) => search[key]).length;
  const field = (key: FilterKey, data: { value: string; label: string }[]) => (
    <Select
      key={key}
      label={t(`filters.${key}`)}
      placeholder={t('filters.all')}
      data={data}
      value={(search[key] as string | undefined) ?? null}
      onChange={(value) => onChange({ [key]: value ?? undefined })}
      clearable
      searchable={data.length > 8}
      size="xs"
      w={{ base: '47%', sm: 170 }}
      data-testid={`filter-${key}`}
    />
  );
  const fields = (
    <Group gap="xs" align="flex-end" role="group" aria-label={t('filters.label')}>
      {field(
        'campaign',
        choices.campaigns.map((c) => ({ value: c.id, label: c.name })),
      )}
      {field(
        'account',
        choices.accounts.map((a) => ({
          value: a.id,
          label: `${a.displayName} (${PLATFORM_NAMES[a.platform] ?? a.platform})`,
        })),
      )}
      {field(
        'platform',
        platformValues.map((platform) => ({ value: platform, label: PLATFORM_NAMES[platform] })),
      )}
      {field(
        'status',
        DISPLAY_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
      )}
      {field(
        'author',
        choices.members.map((m) => ({ value: m.userId, label: m.name })),
      )}
    </Group>
  );
  if (!phone) return fields;
  return (
    <div>
      <Button variant="default" size="xs" onClick={toggle.toggle} aria-expanded={open} aria-controls="calendar-filters">
        {t('filters.toggle', { count: active })}
      </Button>
      <Collapse expanded={open} id="calendar-filters" pt="xs">
        {fields}
      </Collapse>
    </div>
  );
}
