import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { ComposerPage, type ComposeSearch } from './ComposerPage';

const text = (value: unknown, max = 64) => (typeof value === 'string' && value.length <= max ? value : undefined);

const composeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'compose',
  validateSearch: (search: Record<string, unknown>): ComposeSearch => ({ at: text(search.at, 16), zone: text(search.zone), post: text(search.post), campaign: text(search.campaign) }),
  component: function Compose() {
    return <ComposerPage search={composeRoute.useSearch()} />;
  },
});

export const composerFeature: Feature = { routes: [composeRoute], nav: { path: 'compose', label: 'composer:nav' } };
