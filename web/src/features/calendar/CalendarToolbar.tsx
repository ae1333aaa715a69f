import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CALENDAR_VIEWS, type CalendarViewName } from './calendar-route';

/** The calendar's own toolbar (not FullCalendar's), so that view and date go through the URL. */
export function CalendarToolbar({
  title,
  view,
  onView,
  onStep,
}: {
  title: string;
  view: CalendarViewName;
  onView: (view: CalendarViewName) => void;
  onStep: (step: 'prev' | 'today' | 'next') => void;
}) {
  const { t } = useTranslation('calendar');
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap={4} wrap="wrap">
        <Group gap={4} wrap="nowrap">
          <Button variant="default" size="xs" onClick={() => onStep('prev')} aria-label={t('toolbar.prev')}>
            ‹
          </Button>
          <Button variant="default" size="xs" onClick={() => onStep('today')}>
            {t('toolbar.today')}
          </Button>
          <Button variant="default" size="xs" onClick={() => onStep('next')} aria-label={t('toolbar.next')}>
            ›
          </Button>
        </Group>
        <Text component="h2" fw={700} size="md" ml="xs" aria-live="polite" data-testid="calendar-title">
          {title}
        </Text>
      </Group>
      <SegmentedControl
        size="xs"
        aria-label={t('toolbar.view')}
        value={view}
        onChange={(value) => onView(value as CalendarViewName)}
        data={CALENDAR_VIEWS.map((name) => ({ value: name, label: t(`views.${name}`) }))}
      />
    </Group>
  );
}
