import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const settingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'settings',
  component: lazyRouteComponent(() => import('./SettingsPage'), 'SettingsPage'),
});

export const settingsFeature: Feature = { routes: [settingsRoute], nav: { path: 'settings', label: 'settings:nav' } };
