import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { oauthOutcomeSearch, type OAuthOutcomeSearch } from '../../api/oauth-return';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

/** Set by the API's OAuth callback when it sends the browser back here. */
export type AccountsSearch = OAuthOutcomeSearch;

export const accountsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'accounts',
  validateSearch: (search: Record<string, unknown>): AccountsSearch => oauthOutcomeSearch(search),
  component: lazyRouteComponent(() => import('./AccountsPage'), 'AccountsPage'),
});

export const accountsFeature: Feature = { routes: [accountsRoute], nav: { path: 'accounts', label: 'accounts:nav' } };
