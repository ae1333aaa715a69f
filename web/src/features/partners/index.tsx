import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const partnersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'partners',
  component: lazyRouteComponent(() => import('./PartnersPage'), 'PartnersPage'),
});

export const partnersFeature: Feature = { routes: [partnersRoute], nav: { path: 'partners', label: 'partners:nav' } };
