import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

// No entry in the navigation: the bell in the shell (app/shell/NotificationBell) leads here.
const notificationsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'notifications',
  component: lazyRouteComponent(() => import('./NotificationsPage'), 'NotificationsPage'),
});

export const notificationsFeature: Feature = { routes: [notificationsRoute] };
