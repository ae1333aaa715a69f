import { Anchor, NativeSelect, Stack } from '@mantine/core';
import { Link, useNavigate, useParams, useRouteContext, useSearch } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReportPeriod, useReportAccounts } from '../../api/analytics';
import { useZone } from '../../app/zone';
import { BestTimePanel } from './BestTimePanel';
import { ReportView } from './ReportView';

const DAY_MS = 86_400_000;

function BackLink({ workspace }: { workspace: string }) {
  const { t } = useTranslation('analytics');
  return (
    <Anchor component={Link} to={`/${workspace}/analytics`} size="sm" data-print="hide">
      ← {t('back')}
    </Anchor>
  );
}

/** A campaign's report over its own dates. */
export function CampaignReportPage() {
  const { membership } = useRouteContext({ from: '/$workspace' });
  const { campaignId } = useParams({ strict: false }) as { campaignId: string };
  const zone = useZone();
  const period = useMemo<ReportPeriod>(() => ({ zone }), [zone]);
  return (
    <Stack gap="md">
      <BackLink workspace={membership.workspace.slug} />
      <ReportView workspace={membership.workspace.slug} kind="campaigns" id={campaignId} period={period} />
    </Stack>
  );
}

/** An account's report over the last 30, 90 or 180 days, and its best time to post. */
export function AccountReportPage() {
  const { t } = useTranslation('analytics');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const { accountId } = useParams({ strict: false }) as { accountId: string };
  const { days } = useSearch({ strict: false }) as { days?: 90 | 180 };
  const navigate = useNavigate();
  const zone = useZone();
  const workspace = membership.workspace.slug;
  const account = useReportAccounts(workspace).data?.accounts.find((a) => a.id === accountId);
  // 30 days is the API's default (up to the end of today); a longer one ends now, fixed once per choice.
  const period = useMemo<ReportPeriod>(
    () =>
      days
        ? { zone, from: new Date(Date.now() - days * DAY_MS).toISOString(), to: new Date().toISOString() }
        : { zone },
    [days, zone],
  );
  const choosePeriod = (value: string) =>
    void navigate({
      to: `/${workspace}/analytics/accounts/${accountId}`,
      search: value === '30' ? {} : { days: Number(value) as 90 | 180 },
    });
  return (
    <Stack gap="md">
      <BackLink workspace={workspace} />
      <NativeSelect
        label={t('period.label')}
        value={String(days ?? 30)}
        onChange={(e) => choosePeriod(e.currentTarget.value)}
        maw={260}
        data={[30, 90, 180].map((n) => ({ value: String(n), label: t('period.days', { count: n }) }))}
      />
      <ReportView workspace={workspace} kind="accounts" id={accountId} period={period} />
      <BestTimePanel
        workspace={workspace}
        accountId={accountId}
        mayEditSlots={membership.role === 'ADMIN' || membership.role === 'OWNER'}
        disconnected={account?.status === 'DISABLED'}
      />
    </Stack>
  );
}
