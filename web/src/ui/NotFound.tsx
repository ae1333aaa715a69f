import { Anchor, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CenteredCard } from './CenteredCard';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <CenteredCard title={t('notFound.title')}>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </CenteredCard>
  );
}
