import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { ReviewPage } from './ReviewPage';

const reviewRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'review', component: ReviewPage });

export const reviewFeature: Feature = { routes: [reviewRoute], nav: { path: 'review', label: 'review:nav' } };
