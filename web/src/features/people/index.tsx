import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const peopleRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'people',
  component: lazyRouteComponent(() => import('./PeoplePage'), 'PeoplePage'),
});

export const peopleFeature: Feature = { routes: [peopleRoute], nav: { path: 'people', label: 'people:nav' } };
