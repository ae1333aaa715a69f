import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useParams, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCampaign } from '../../api/campaigns';
import { usePosts } from '../../api/posts';
import { postPath } from '../../app/links';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CampaignCalendar } from '../calendar';
import { CampaignForm } from './CampaignForm';
import { HoldDialog, ResumeDialog } from '../../ui/HoldDialogs';
import { stateOf } from './campaign-state';
import { mayHoldCampaigns } from './roles';

// Feature routes are registered loosely (app/feature.ts), so a link's search is not typed per route.
const calendarOf = (campaign: string) => ({ campaign }) as never;

/** One campaign: what it says, its posts in time order with their states, counts by state, the crisis button. */
export function CampaignPage() {
  const { t } = useTranslation('campaigns');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const workspace = membership.workspace.slug;
  const campaign = useCampaign(workspace, campaignId);
  const posts = usePosts(workspace, { campaignId });
  const format = useFormatInstant();
  const [editing, edit] = useDisclosure(false);
  const [holding, holdDialog] = useDisclosure(false);
  const [resuming, resumeDialog] = useDisclosure(false);
  const data = campaign.data;
  if (!data) return <ErrorAlert error={campaign.error} />;

  const held = data.heldAt !== null;
  const rows = [...(posts.data?.posts ?? [])].sort((a, b) =>
    (a.scheduledAt ?? '9').localeCompare(b.scheduledAt ?? '9'),
  );
  const counts = new Map<string, number>();
  for (const post of rows) counts.set(stateOf(post, held), (counts.get(stateOf(post, held)) ?? 0) + 1);
  const mayAct = mayHoldCampaigns(membership.role) && data.relation === 'owner';

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" style={{ borderLeft: `8px solid ${data.color}`, paddingLeft: 10 }}>
            {data.name}
          </Title>
          {data.goal && <Text mt={4}>{data.goal}</Text>}
        </div>
        {mayAct && (
          <Group gap="xs">
            <Button variant="default" onClick={edit.open}>
              {t('edit')}
            </Button>
            {held ? (
              <Button onClick={resumeDialog.open}>{t('holds:resume.button')}</Button>
            ) : (
              <Button color="#b02525" onClick={holdDialog.open}>
                {t('holds:hold.button')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Paper withBorder p="sm">
          <Text fw={600} size="sm">
            {t('form.keyMessages')}
          </Text>
          {data.keyMessages.length === 0 ? (
            <Text size="sm" c="dimmed">
              —
            </Text>
          ) : (
            data.keyMessages.map((m) => (
              <Text key={m} size="sm">
                • {m}
              </Text>
            ))
          )}
          <Text fw={600} size="sm" mt="xs">
            {t('form.hashtags')}
          </Text>
          <Text size="sm">{data.hashtags.map((h) => (h.startsWith('#') ? h : `#${h}`)).join(' ') || '—'}</Text>
          <Text size="sm" mt="xs">
            {t(`policy.${data.latePolicy}`)}
            {data.latePolicy === 'PUBLISH_LATE' ? ` (${t('graceMinutes', { minutes: data.lateGraceMinutes })})` : ''}
          </Text>
        </Paper>
        <Paper withBorder p="sm">
          <Text fw={600} size="sm">
            {t('counts')}
          </Text>
          <Group gap={6} mt={4} data-testid="campaign-counts">
            {[...counts].map(([state, count]) => (
              <Badge key={state} variant="light" color={state === 'HELD' ? '#b02525' : 'gray'} tt="none" size="lg">
                {t(`state.${state}`, { defaultValue: state })}: {count}
              </Badge>
            ))}
          </Group>
          <Anchor component={Link} to={`/${workspace}/calendar`} search={calendarOf(data.id)} mt="sm" display="block">
            {t('openCalendar')}
          </Anchor>
        </Paper>
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('calendar')}
      </Title>
      <CampaignCalendar workspace={workspace} campaignId={data.id} />
      <Title order={2} size="h4">
        {t('allPosts')}
      </Title>
      <ErrorAlert error={posts.error} />
      <Table.ScrollContainer minWidth={340}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('when')}</Table.Th>
              <Table.Th>{t('text')}</Table.Th>
              <Table.Th>{t('stateLabel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((post) => (
              <Table.Tr key={post.id}>
                <Table.Td>{post.scheduledAt ? format(post.scheduledAt) : '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={postPath(workspace, post.id)} size="sm">
                    {post.baseText.slice(0, 80) || post.title || post.id}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={700} c={stateOf(post, held) === 'HELD' ? '#b02525' : undefined}>
                    {t(`state.${stateOf(post, held)}`, { defaultValue: stateOf(post, held) })}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {editing && (
        <CampaignForm
          workspace={workspace}
          campaign={data}
          defaultZone={data.timeZone}
          opened={editing}
          onClose={edit.close}
        />
      )}
      <HoldDialog
        workspace={workspace}
        scope={{ campaignId: data.id }}
        name={data.name}
        opened={holding}
        onClose={holdDialog.close}
      />
      <ResumeDialog
        workspace={workspace}
        scope={{ campaignId: data.id }}
        name={data.name}
        opened={resuming}
        onClose={resumeDialog.close}
      />
    </Stack>
  );
}
