import { createRoute, redirect } from '@tanstack/react-router';
import { isSessionLost } from '../api/client';
import { meQuery } from '../api/session';
import type { Me } from '../api/types';
import { rootRoute } from './root-route';
import { signInRedirect } from './sign-in-redirect';
import { AppShell } from './shell/AppShell';

/** Search params every signed-in page keeps: the zone times are shown in (WIB/WITA/WIT or IANA). */
export interface WorkspaceSearch {
  zone?: string;
}

/** The signed-in part of the app: /app/<workspace slug>/<feature>; features hang their routes here. */
export const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '$workspace',
  validateSearch: (search: Record<string, unknown>): WorkspaceSearch =>
    typeof search.zone === 'string' && search.zone.length <= 64 ? { zone: search.zone } : {},
  beforeLoad: async ({ context, params, location }) => {
    let me: Me;
    try {
      me = await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isSessionLost(error)) throw signInRedirect(location.href, error.code);
      throw error;
    }
    const membership = me.memberships.find(
      (m) => m.workspace.slug === params.workspace || m.workspace.id === params.workspace,
    );
    if (!membership) {
      const first = me.memberships[0];
      if (first) throw redirect({ to: '/$workspace/calendar', params: { workspace: first.workspace.slug } });
      throw redirect({ to: '/no-workspace' });
    }
    return { me, membership };
  },
  component: AppShell,
});
