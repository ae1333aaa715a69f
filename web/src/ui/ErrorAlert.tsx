import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** Shows the API's message (already in the user's language) and the fields it names. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('errors.unexpected', { status: '?' });
  const details = error instanceof ApiError ? error.details.filter((d) => d.message) : [];
  return (
    <Alert color="red" role="alert" title={t('errors.title')}>
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((detail, index) => (
            <List.Item key={`${detail.field}-${index}`}>
              {detail.field ? `${detail.field}: ${detail.message}` : detail.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
