import { createRoute, createRouter, redirect } from '@tanstack/react-router';
import { authRoutes } from '../features/auth';
import { oauthOutcomeSearch, oauthReturnWorkspace } from '../api/oauth-return';
import { meQuery } from '../api/session';
import { onSessionLost } from '../api/session-lost';
import { features } from './features';
import { queryClient } from './query-client';
import { rootRoute } from './root-route';
import { signInRedirect } from './sign-in-redirect';
import { workspaceRoute } from './workspace-route';

/**
 * /app/ opens the first workspace's calendar, or sign-in. The API's OAuth callback lands here when
 * the state names no workspace (expired or already used): the outcome goes on to the accounts page
 * of the workspace the round trip started from, so the user reads what happened.
 */
const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: oauthOutcomeSearch,
  beforeLoad: async ({ context, search, location }) => {
    const me = await context.queryClient.fetchQuery(meQuery).catch(() => undefined);
    if (!me) throw redirect({ to: '/sign-in', search: { next: search.oauth ? location.href : undefined } });
    if (search.oauth) {
      const workspace = oauthReturnWorkspace(me);
      if (workspace) throw redirect({ to: '/$workspace/accounts', params: { workspace }, search });
    }
    const first = me.memberships[0];
    throw first
      ? redirect({ to: '/$workspace/calendar', params: { workspace: first.workspace.slug } })
      : redirect({ to: '/no-workspace' });
  },
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  ...authRoutes,
  workspaceRoute.addChildren(features.flatMap((feature) => feature.routes)),
]);

export const router = createRouter({
  routeTree,
  basepath: '/app',
  context: { queryClient },
  defaultPreload: 'intent',
  scrollRestoration: true,
});

// Any request that finds the session gone (expired, revoked) sends the user to sign-in and back.
onSessionLost((code) => {
  const here = router.state.location.href;
  // Pages for people not signed in (an invitation, a password reset) ask /me only to offer a shortcut.
  if (['/sign-in', '/invitations', '/password-reset'].some((path) => router.state.location.pathname.startsWith(path)))
    return;
  queryClient.clear();
  void router.navigate(signInRedirect(here, code).options);
});

// A new page starts at the top for the keyboard too: the next Tab reaches the skip link.
router.subscribe('onResolved', ({ pathChanged }) => {
  if (pathChanged) document.getElementById('page-start')?.focus({ preventScroll: true });
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
