import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import {
  type AnalyticsGroup,
  type AnalyticsReport,
  type PreviousCampaignComparison,
  type RankedPost,
  type ReportKind,
  type ReportPeriod,
  reportCsvUrl,
  useReport,
} from '../../api/analytics';
import { postPath } from '../../app/links';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Bars } from './Bars';
import { useNumbers } from './format';

const DATE = { dateStyle: 'medium' } as const;

/** A campaign's or an account's report: totals, comparison, groups, top and bottom posts, CSV. */
export function ReportView({
  workspace,
  kind,
  id,
  period,
}: {
  workspace: string;
  kind: ReportKind;
  id: string;
  period: ReportPeriod;
}) {
  const { t } = useTranslation('analytics');
  const report = useReport(workspace, kind, id, period);
  const format = useFormatInstant();
  const { membership } = useRouteContext({ from: '/$workspace' });
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return <Text role="status">{t('loading')}</Text>;
  const data = report.data;
  const range = (p: AnalyticsReport['period']) =>
    `${format(p.from, DATE)} – ${format(new Date(Date.parse(p.to) - 1), DATE)}`;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          {t(kind === 'campaigns' ? 'campaignTitle' : 'accountTitle', { name: data.subject.name })}
        </Title>
        <Text size="sm">{t('periodShown', { range: range(data.period) })}</Text>
        <Text size="sm" data-print="only">
          {t('printed', { workspace: membership.workspace.name, when: format(new Date()) })}
        </Text>
        <Group gap="md" mt={4} data-print="hide">
          <Anchor href={reportCsvUrl(workspace, kind, id, period)} download size="sm">
            {t('csv')}
          </Anchor>
          <Button size="compact-sm" variant="light" onClick={() => window.print()}>
            {t('print')}
          </Button>
        </Group>
      </div>
      {data.totals.deliveries === 0 ? (
        <Text>{t('empty')}</Text>
      ) : (
        <Figures workspace={workspace} data={data} previousRange={range(data.previousPeriod)} />
      )}
    </Stack>
  );
}

function Figures({
  workspace,
  data,
  previousRange,
}: {
  workspace: string;
  data: AnalyticsReport;
  previousRange: string;
}) {
  const { t } = useTranslation('analytics');
  const n = useNumbers();
  const { totals, previousTotals } = data;
  const stat = (label: string, value: string) => (
    <Paper withBorder p="sm">
      <Text size="sm">{label}</Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} component="section" aria-label={t('totals')}>
        {stat(t('posts'), n.whole(totals.posts))}
        {stat(t('engagement'), n.whole(totals.engagement))}
        {stat(t('perPost'), totals.engagementPerPost === null ? t('notAvailable') : n.one(totals.engagementPerPost))}
        {stat(t('reach'), totals.reach === null ? t('notAvailable') : n.whole(totals.reach))}
      </SimpleGrid>
      <Text size="sm">
        {t('coverage', {
          deliveries: totals.deliveries,
          withCounts: totals.withCounts,
          notAvailable: totals.notAvailable,
          deleted: totals.deleted,
          pending: totals.pending,
        })}
      </Text>
      <Paper withBorder p="md" component="section" aria-labelledby="report-compare">
        <Title order={2} size="h3" id="report-compare">
          {t('compare.title')}
        </Title>
        <Text size="sm" mt={4}>
          {t('compare.previous', {
            range: previousRange,
            posts: previousTotals.posts,
            engagement: n.whole(previousTotals.engagement),
          })}
        </Text>
        <Text fw={600} mt={4}>
          {data.engagementChange === null
            ? t('compare.none')
            : t('compare.change', { change: n.percent(data.engagementChange) })}
        </Text>
      </Paper>
      {data.subject.kind === 'campaign' && <PreviousCampaign comparison={data.previousCampaign} />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title={t('punctuality.title')}>
          <Bars
            label={t('punctuality.title')}
            rows={[
              {
                key: 'onTime',
                label: t('punctuality.onTime'),
                value: totals.onTime,
                text: t('deliveriesCount', { count: totals.onTime }),
              },
              {
                key: 'late',
                label: t('punctuality.late'),
                value: totals.late,
                text: t('deliveriesCount', { count: totals.late }),
                muted: true,
              },
            ]}
          />
        </Section>
        <GroupSection title={t('byPlatform')} groups={data.byPlatform} />
        <GroupSection title={t('byHashtag')} groups={data.byHashtag} />
        {/* Key messages belong to a campaign: an account's report has none to show. */}
        {data.subject.kind === 'campaign' && <GroupSection title={t('byKeyMessage')} groups={data.byKeyMessage} />}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <RankedList workspace={workspace} title={t('top')} posts={data.top} />
        <RankedList workspace={workspace} title={t('bottom')} posts={data.bottom} />
      </SimpleGrid>
    </>
  );
}

/** The campaign before this one (the last that ended before it started), over its own dates. */
function PreviousCampaign({ comparison }: { comparison: PreviousCampaignComparison | null }) {
  const { t } = useTranslation('analytics');
  const n = useNumbers();
  const format = useFormatInstant();
  const change = (value: number | null) => (value === null ? t('compare.noChange') : n.percent(value));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-compare-campaign">
      <Title order={2} size="h3" id="report-compare-campaign">
        {t('compare.campaignTitle')}
      </Title>
      {comparison === null ? (
        <Text size="sm" mt={4}>
          {t('compare.noCampaign')}
        </Text>
      ) : (
        <>
          <Text size="sm" mt={4}>
            {t('compare.campaign', {
              name: comparison.name,
              range: `${format(comparison.period.from, DATE)} – ${format(new Date(Date.parse(comparison.period.to) - 1), DATE)}`,
              posts: comparison.totals.posts,
              engagement: n.whole(comparison.totals.engagement),
              perPost:
                comparison.totals.engagementPerPost === null
                  ? t('notAvailable')
                  : n.one(comparison.totals.engagementPerPost),
            })}
          </Text>
          <Text fw={600} mt={4}>
            {t('compare.campaignChange', {
              change: change(comparison.engagementChange),
              perPost: change(comparison.engagementPerPostChange),
            })}
          </Text>
        </>
      )}
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Title order={2} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** Engagement per post of each group, so a big group does not win by its size alone. */
function GroupSection({ title, groups }: { title: string; groups: AnalyticsGroup[] }) {
  const { t } = useTranslation('analytics');
  const n = useNumbers();
  return (
    <Section title={title}>
      {groups.length === 0 ? (
        <Text size="sm">{t('noGroups')}</Text>
      ) : (
        <Bars
          label={title}
          rows={groups.map((g) => ({
            key: g.key,
            label: g.key,
            value: g.engagementPerPost,
            text:
              g.engagementPerPost === null
                ? t('groupNoCounts', { posts: g.posts })
                : t('groupFigure', { perPost: n.one(g.engagementPerPost), posts: g.posts }),
          }))}
        />
      )}
    </Section>
  );
}

function RankedList({ workspace, title, posts }: { workspace: string; title: string; posts: RankedPost[] }) {
  const { t } = useTranslation('analytics');
  const n = useNumbers();
  const format = useFormatInstant();
  return (
    <Section title={title}>
      {posts.length === 0 ? (
        <Text size="sm">{t('noGroups')}</Text>
      ) : (
        <Stack component="ol" gap="xs" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
          {posts.map((post) => (
            <li key={post.targetId}>
              <Anchor
                component={Link}
                to={postPath(workspace, post.postId)}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {post.text.slice(0, 90) || post.postId}
              </Anchor>
              <Group gap={6}>
                <Text size="xs">
                  {post.platform} · {post.accountName} · {format(post.publishedAt)}
                </Text>
                <Text size="xs" fw={700}>
                  {t('engagementCount', { count: post.engagement, value: n.whole(post.engagement) })}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
