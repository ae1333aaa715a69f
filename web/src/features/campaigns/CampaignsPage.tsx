import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCampaigns } from '../../api/campaigns';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CampaignForm } from './CampaignForm';
import { mayHoldCampaigns, mayHoldWorkspace } from './roles';
import { WorkspaceHold } from '../../ui/WorkspaceHold';

/** The campaigns of this workspace and its joint campaigns; the workspace's own crisis button for admins. */
export function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const campaigns = useCampaigns(workspace);
  const [creating, create] = useDisclosure(false);
  const list = campaigns.data?.campaigns ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {mayHoldCampaigns(membership.role) && <Button onClick={create.open}>{t('new')}</Button>}
      </Group>
      {mayHoldWorkspace(membership.role) && <WorkspaceHold workspace={workspace} name={membership.workspace.name} />}
      <ErrorAlert error={campaigns.error} />
      {!campaigns.isLoading && list.length === 0 && <Text>{t('empty')}</Text>}
      {list.map((campaign) => (
        <Paper key={campaign.id} withBorder p="md" style={{ borderLeft: `8px solid ${campaign.color}` }}>
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={`/${workspace}/campaigns/${campaign.id}`} fw={700} size="lg">
              {campaign.name}
            </Anchor>
            <Group gap={6}>
              {campaign.relation === 'partner' && (
                <Badge variant="light" color="gray" tt="none">
                  {t('partner')}
                </Badge>
              )}
              {campaign.heldAt && (
                <Badge color="#b02525" tt="none">
                  {t('held')}
                </Badge>
              )}
            </Group>
          </Group>
          {campaign.goal && (
            <Text size="sm" mt={4}>
              {campaign.goal}
            </Text>
          )}
          <Text size="sm" c="dimmed" mt={4}>
            {t(`policy.${campaign.latePolicy}`)}
            {campaign.latePolicy === 'PUBLISH_LATE'
              ? ` (${t('graceMinutes', { minutes: campaign.lateGraceMinutes })})`
              : ''}
          </Text>
        </Paper>
      ))}
      {creating && (
        <CampaignForm
          workspace={workspace}
          defaultZone={membership.workspace.timeZone}
          opened={creating}
          onClose={create.close}
        />
      )}
    </Stack>
  );
}
