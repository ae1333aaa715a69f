import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

export interface AuditSearch {
  who?: string;
  what?: string;
  /** Days `YYYY-MM-DD`, in the zone the page shows. */
  from?: string;
  to?: string;
}

const matching = (value: unknown, pattern: RegExp) =>
  typeof value === 'string' && pattern.test(value) ? value : undefined;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

// Admins reach it from the workspace settings (the navigation is everyone's; the log is not).
export const auditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => ({
    who: matching(search.who, /^[0-9a-f-]{36}$/),
    what: matching(search.what, /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/),
    from: matching(search.from, DAY),
    to: matching(search.to, DAY),
  }),
  component: lazyRouteComponent(() => import('./AuditPage'), 'AuditPage'),
});

export const auditFeature: Feature = { routes: [auditRoute] };
