import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const postRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'posts/$postId',
  component: lazyRouteComponent(() => import('./PostPage'), 'PostPage'),
});

export const postsFeature: Feature = { routes: [postRoute] };
