import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

export interface AccountsSearch {
  /** Set by the API's OAuth callback when it sends the browser back here. */
  oauth?: 'connected' | 'error';
  platform?: string;
  code?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.length <= 100 ? value : undefined);

export const accountsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'accounts',
  validateSearch: (search: Record<string, unknown>): AccountsSearch => ({
    oauth: search.oauth === 'connected' || search.oauth === 'error' ? search.oauth : undefined,
    platform: text(search.platform),
    code: text(search.code),
  }),
  component: lazyRouteComponent(() => import('./AccountsPage'), 'AccountsPage'),
});

export const accountsFeature: Feature = { routes: [accountsRoute], nav: { path: 'accounts', label: 'accounts:nav' } };
