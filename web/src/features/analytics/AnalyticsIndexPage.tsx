import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useReportAccounts } from '../../api/analytics';
import { useCampaigns } from '../../api/campaigns';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Where the reports start: one per campaign and one per account. */
export function AnalyticsIndexPage() {
  const { t } = useTranslation('analytics');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const campaigns = useCampaigns(workspace);
  const accounts = useReportAccounts(workspace);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text size="sm">{t('intro')}</Text>
      <ErrorAlert error={campaigns.error ?? accounts.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="analytics-campaigns">
          <Title order={2} size="h3" id="analytics-campaigns">
            {t('campaigns')}
          </Title>
          <Stack gap={4} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {(campaigns.data?.campaigns ?? []).map((campaign) => (
              <li key={campaign.id}>
                <Anchor component={Link} to={`/${workspace}/analytics/campaigns/${campaign.id}`}>
                  {campaign.name}
                </Anchor>
              </li>
            ))}
          </Stack>
          {campaigns.data?.campaigns.length === 0 && <Text size="sm">{t('noCampaigns')}</Text>}
        </Paper>
        <Paper withBorder p="md" component="section" aria-labelledby="analytics-accounts">
          <Title order={2} size="h3" id="analytics-accounts">
            {t('accounts')}
          </Title>
          <Stack gap={4} mt="xs" component="ul" style={{ listStyle: 'none', padding: 0 }}>
            {(accounts.data?.accounts ?? []).map((account) => (
              <li key={account.id}>
                <Anchor component={Link} to={`/${workspace}/analytics/accounts/${account.id}`}>
                  {account.displayName}
                </Anchor>
                <Text span size="sm">
                  {' '}
                  · {account.platform}
                  {account.status === 'DISABLED' ? ` · ${t('disconnected')}` : ''}
                </Text>
              </li>
            ))}
          </Stack>
          {accounts.data?.accounts.length === 0 && <Text size="sm">{t('noAccounts')}</Text>}
        </Paper>
      </SimpleGrid>
    </Stack>
  );
}
