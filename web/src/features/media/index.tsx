import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

export interface MediaSearch {
  q?: string;
  tag?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.slice(0, 200) : undefined);

// The search lives in the address, so a filtered library can be shared or reloaded.
const mediaRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'media',
  validateSearch: (search: Record<string, unknown>): MediaSearch => ({ q: text(search.q), tag: text(search.tag) }),
  component: lazyRouteComponent(() => import('./MediaPage'), 'MediaPage'),
});

export const mediaFeature: Feature = { routes: [mediaRoute], nav: { path: 'media', label: 'media:nav' } };
