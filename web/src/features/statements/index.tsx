import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const statementsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'statements',
  component: lazyRouteComponent(() => import('./StatementsPage'), 'StatementsPage'),
});

export const statementsFeature: Feature = {
  routes: [statementsRoute],
  nav: { path: 'statements', label: 'statements:nav' },
};
