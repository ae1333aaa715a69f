import { createRoute } from '@tanstack/react-router';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';

const campaignsRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'campaigns', component: CampaignsPage });
const campaignRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'campaigns/$campaignId', component: CampaignPage });

export const campaignsFeature: Feature = { routes: [campaignsRoute, campaignRoute], nav: { path: 'campaigns', label: 'campaigns:nav' } };
