import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { Account } from './accounts';
import type { components } from './schema';

export type AnalyticsReport = components['schemas']['AnalyticsReport'];
export type AnalyticsTotals = components['schemas']['AnalyticsTotals'];
export type AnalyticsGroup = components['schemas']['AnalyticsGroup'];
export type RankedPost = components['schemas']['RankedPost'];
export type BestTime = components['schemas']['BestTime'];
export type DeliverySeries = components['schemas']['DeliverySeries'];
export type PreviousCampaignComparison = NonNullable<AnalyticsReport['previousCampaign']>;
export type ReportKind = 'campaigns' | 'accounts';

/** A period as the API takes it: both instants or neither (the subject's default period). */
export interface ReportPeriod {
  from?: string;
  to?: string;
  zone: string;
}

const query = (period: ReportPeriod) => ({
  zone: period.zone,
  ...(period.from && period.to ? { from: period.from, to: period.to } : {}),
});

export const useReport = (workspace: string, kind: ReportKind, id: string, period: ReportPeriod) =>
  useQuery({
    queryKey: ['analytics', workspace, kind, id, period],
    queryFn: () =>
      kind === 'campaigns'
        ? call<AnalyticsReport>(
            api.GET('/workspaces/{workspace}/analytics/campaigns/{campaignId}', {
              params: { path: { workspace, campaignId: id }, query: query(period) },
            }),
          )
        : call<AnalyticsReport>(
            api.GET('/workspaces/{workspace}/analytics/accounts/{accountId}', {
              params: { path: { workspace, accountId: id }, query: query(period) },
            }),
          ),
  });

export const useBestTime = (workspace: string, accountId: string) =>
  useQuery({
    queryKey: ['analytics', workspace, 'best-time', accountId],
    queryFn: () =>
      call<BestTime>(
        api.GET('/workspaces/{workspace}/analytics/accounts/{accountId}/best-time', {
          params: { path: { workspace, accountId } },
        }),
      ),
  });

/** Every delivery of a post with its counts over time (VIEWER may read): one request for the whole post page. */
export const usePostSeries = (workspace: string, postId: string) =>
  useQuery({
    queryKey: ['analytics', workspace, 'post', postId],
    queryFn: () =>
      call<{ postId: string; deliveries: DeliverySeries[] }>(
        api.GET('/workspaces/{workspace}/analytics/posts/{postId}', { params: { path: { workspace, postId } } }),
      ),
  });

/**
 * Asks for a delivery's counts now (EDITOR and up; at most once a minute reaches the platform, within
 * its read budget); the new snapshot arrives with the worker, so the post's series is read again.
 */
export function useSnapshotNow(workspace: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (targetId: string) =>
      call<{ queued: true }>(
        api.POST('/workspaces/{workspace}/analytics/deliveries/{targetId}/snapshots', {
          params: { path: { workspace, targetId } },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['analytics', workspace, 'post', postId] }),
  });
}

/** The address of the rows behind every figure, as CSV (a plain link: the browser downloads it with the session cookie). */
export function reportCsvUrl(workspace: string, kind: ReportKind, id: string, period: ReportPeriod): string {
  const params = new URLSearchParams(query(period));
  return `/workspaces/${encodeURIComponent(workspace)}/analytics/${kind}/${encodeURIComponent(id)}/rows.csv?${params}`;
}

/** Every account of the workspace, disconnected ones too: their history still has a report. */
export const useReportAccounts = (workspace: string) =>
  useQuery({
    queryKey: ['analytics', workspace, 'accounts'],
    queryFn: () =>
      call<{ accounts: Account[] }>(
        api.GET('/workspaces/{workspace}/accounts', { params: { path: { workspace }, query: { include: 'all' } } }),
      ),
  });
