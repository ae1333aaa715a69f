import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A page that another part of the work fills in. */
export function Placeholder({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed">{t('comingSoon')}</Text>
    </>
  );
}
