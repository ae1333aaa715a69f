import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { PostPage } from './PostPage';

const postRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'posts/$postId', component: PostPage });

export const postsFeature: Feature = { routes: [postRoute] };
