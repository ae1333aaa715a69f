import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

/** An account's report covers the last `days` days (30 by default: the API's own default). */
export interface AccountReportSearch {
  days?: 90 | 180;
}

const analyticsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'analytics',
  component: lazyRouteComponent(() => import('./AnalyticsIndexPage'), 'AnalyticsIndexPage'),
});
const campaignReportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'analytics/campaigns/$campaignId',
  component: lazyRouteComponent(() => import('./ReportPages'), 'CampaignReportPage'),
});
export const accountReportRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'analytics/accounts/$accountId',
  validateSearch: (search: Record<string, unknown>): AccountReportSearch => ({
    days: search.days === 90 || search.days === 180 ? search.days : undefined,
  }),
  component: lazyRouteComponent(() => import('./ReportPages'), 'AccountReportPage'),
});

export const analyticsFeature: Feature = {
  routes: [analyticsRoute, campaignReportRoute, accountReportRoute],
  nav: { path: 'analytics', label: 'analytics:nav' },
};
