import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const reviewRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'review',
  component: lazyRouteComponent(() => import('./ReviewPage'), 'ReviewPage'),
});

export const reviewFeature: Feature = { routes: [reviewRoute], nav: { path: 'review', label: 'review:nav' } };
