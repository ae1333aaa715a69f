import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUpdateSlots } from '../../api/accounts';
import { useBestTime } from '../../api/analytics';
import { ErrorAlert } from '../../ui/ErrorAlert';

/**
 * The best time to post, in words the API computed from the account's own history (each with the
 * number of posts behind it). With too little history it says so and offers nothing; admins add the
 * suggestions to a connected account's posting slots in one action (a disconnected one has none).
 */
export function BestTimePanel({
  workspace,
  accountId,
  mayEditSlots,
  disconnected,
}: {
  workspace: string;
  accountId: string;
  mayEditSlots: boolean;
  disconnected: boolean;
}) {
  const { t, i18n } = useTranslation('analytics');
  const bestTime = useBestTime(workspace, accountId);
  const update = useUpdateSlots(workspace);
  const language = i18n.language === 'en' ? 'en' : 'id';
  const data = bestTime.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="best-time">
      <Title order={2} size="h3" id="best-time">
        {t('bestTime.title')}
      </Title>
      <ErrorAlert error={bestTime.error ?? update.error} />
      {data && (
        <Stack gap="xs" mt="xs">
          <Text>{data.summary[language]}</Text>
          {data.suggestions.length > 0 && (
            <Stack
              component="ul"
              gap={4}
              style={{ paddingInlineStart: '1.25rem', margin: 0 }}
              aria-label={t('bestTime.suggestions')}
            >
              {data.suggestions.map((s) => (
                <li key={`${s.weekday}-${s.hour}`}>
                  <Text fw={600}>{s.words[language]}</Text>
                </li>
              ))}
            </Stack>
          )}
          <Text size="sm">{t('bestTime.how', { posts: data.posts })}</Text>
          {data.suggestions.length > 0 &&
            (disconnected ? (
              <Text size="sm">{t('bestTime.disconnected')}</Text>
            ) : mayEditSlots ? (
              <Button
                w="fit-content"
                loading={update.isPending}
                disabled={update.isSuccess}
                onClick={() => update.mutate({ accountId, postingSlots: data.postingSlotsWithSuggestions })}
              >
                {t('bestTime.addSlots', { count: data.suggestions.length })}
              </Button>
            ) : (
              <Text size="sm">{t('bestTime.adminsAdd')}</Text>
            ))}
          {update.isSuccess && (
            <Alert color="#1e6b34" role="status">
              {t('bestTime.added')}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
