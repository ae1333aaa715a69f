import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import type { ComposeSearch } from './ComposerPage';

const text = (value: unknown, max = 64) => (typeof value === 'string' && value.length <= max ? value : undefined);

const composeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'compose',
  validateSearch: (search: Record<string, unknown>): ComposeSearch => {
    const parsed = {
      at: text(search.at, 16),
      zone: text(search.zone),
      post: text(search.post),
      campaign: text(search.campaign),
    };
    return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
  },
  // Each editorial page loads with itself, not with sign-in.
  component: lazyRouteComponent(() => import('./ComposerPage'), 'ComposerPage'),
});

export const composerFeature: Feature = { routes: [composeRoute], nav: { path: 'compose', label: 'composer:nav' } };
