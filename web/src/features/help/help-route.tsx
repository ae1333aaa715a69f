import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route';
import { HELP_TOPICS } from './sections';

export interface HelpSearch {
  /** The page whose section to open (a key of HELP_TOPICS). */
  topic?: string;
}

/** /app/<workspace>/help/<staff|coordinator|admin>?topic=<page>: a guide, in the app's language. */
export const helpRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'help/$guide',
  validateSearch: (search: Record<string, unknown>): HelpSearch =>
    typeof search.topic === 'string' && Object.hasOwn(HELP_TOPICS, search.topic) ? { topic: search.topic } : {},
  component: lazyRouteComponent(() => import('./HelpPage'), 'HelpPage'),
});
