import { Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DeliverySeries, usePostSeries, useSnapshotNow } from '../../api/analytics';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Meter } from '../../ui/Meter';
import classes from './DeliveryCounts.module.css';

type Snapshot = DeliverySeries['snapshots'][number];

/** The order counts are said in (Postgres keeps a JSON object's keys in its own order); others follow. */
const COUNT_ORDER = [
  'likes',
  'reactions',
  'reposts',
  'quotes',
  'replies',
  'comments',
  'shares',
  'saves',
  'views',
  'impressions',
  'reach',
];
const rank = (name: string) => (COUNT_ORDER.includes(name) ? COUNT_ORDER.indexOf(name) : COUNT_ORDER.length);

/**
 * A published delivery's counts over time (+1 h, +24 h, +7 d, on demand): a table whose text carries
 * every figure, with a bar for the engagement. "Not available" and "deleted" are said in words,
 * never shown as 0 (docs/analytics.md).
 */
export function DeliveryCounts({
  workspace,
  postId,
  targetId,
  title,
  mayRequest,
}: {
  workspace: string;
  postId: string;
  targetId: string;
  title: string;
  mayRequest: boolean;
}) {
  const { t, i18n } = useTranslation('posts');
  // One query per post page: every delivery's row reads the same answer.
  const series = usePostSeries(workspace, postId);
  const readNow = useSnapshotNow(workspace, postId);
  const format = useFormatInstant();
  if (series.error) return <ErrorAlert error={series.error} />;
  if (!series.data)
    return (
      <Text size="sm" role="status">
        {t('counts.loading')}
      </Text>
    );
  const snapshots = series.data.deliveries.find((delivery) => delivery.targetId === targetId)?.snapshots ?? [];
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');
  const latest = snapshots.at(-1);
  const max = Math.max(0, ...snapshots.map((s) => s.engagement ?? 0));
  const details = (snapshot: Snapshot) =>
    snapshot.state === 'OK'
      ? Object.entries(snapshot.counts)
          .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
          .map(([name, value]) =>
            t(`counts.names.${name}`, { count: value, value: number(value), defaultValue: `${number(value)} ${name}` }),
          )
          .join(' · ')
      : t(`counts.state.${snapshot.state}`);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h6">
          {t('counts.title')}
        </Title>
        {mayRequest && (
          <Button size="xs" variant="default" onClick={() => readNow.mutate(targetId)} loading={readNow.isPending}>
            {t('counts.readNow')}
          </Button>
        )}
      </Group>
      {readNow.isSuccess && (
        <Text size="sm" role="status">
          {t('counts.requested')}
        </Text>
      )}
      <ErrorAlert error={readNow.error} />
      {latest === undefined && <Text size="sm">{t('counts.none')}</Text>}
      {latest?.state === 'DELETED' && (
        <Text size="sm" fw={600}>
          {t('counts.deleted')}
        </Text>
      )}
      {latest?.state === 'NOT_AVAILABLE' && (
        <Text size="sm" fw={600}>
          {t('counts.notAvailable')}
        </Text>
      )}
      {snapshots.length > 0 && (
        <Table className={classes.table} verticalSpacing={4} horizontalSpacing={6} fz="sm">
          <caption className={classes.caption}>{title}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('counts.when')}</Table.Th>
              <Table.Th scope="col">{t('counts.engagement')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshots.map((snapshot) => (
              <Table.Tr key={`${snapshot.stage}-${snapshot.takenAt}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {t(`counts.stage.${snapshot.stage}`)}
                  </Text>
                  <Text size="xs">{format(snapshot.takenAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={snapshot.state === 'OK' ? 700 : 400}>
                    {snapshot.engagement === null
                      ? t(`counts.state.${snapshot.state}`)
                      : t('counts.interactions', { count: snapshot.engagement, value: number(snapshot.engagement) })}
                  </Text>
                  {snapshot.state === 'OK' && <Text size="xs">{details(snapshot)}</Text>}
                  {snapshot.engagement !== null && <Meter value={snapshot.engagement} max={max} size="sm" />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
