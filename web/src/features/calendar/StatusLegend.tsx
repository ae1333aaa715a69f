import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DISPLAY_STATUSES, STATUS_COLOURS } from './post-status';
import classes from './calendar.module.css';

export function StatusLegend() {
  const { t } = useTranslation('calendar');
  return (
    <Box component="section" aria-labelledby="status-legend">
      <Text id="status-legend" size="sm" fw={700} mb={4}>
        {t('legend')}
      </Text>
      <ul className={classes.legend}>
        {DISPLAY_STATUSES.map((status) => (
          <li key={status}>
            <span className={classes.legendSwatch} style={{ backgroundColor: STATUS_COLOURS[status] }} aria-hidden />
            <Text span size="sm">
              {t(`status.${status}`)}
            </Text>
          </li>
        ))}
      </ul>
    </Box>
  );
}
