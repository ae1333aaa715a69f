import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';

const campaignsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'campaigns',
  component: lazyRouteComponent(() => import('./CampaignsPage'), 'CampaignsPage'),
});
const campaignRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'campaigns/$campaignId',
  component: lazyRouteComponent(() => import('./CampaignPage'), 'CampaignPage'),
});

export const campaignsFeature: Feature = {
  routes: [campaignsRoute, campaignRoute],
  nav: { path: 'campaigns', label: 'campaigns:nav' },
};
