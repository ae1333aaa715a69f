import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { Placeholder } from '../../ui/Placeholder';

function CampaignsPage() {
  const { t } = useTranslation('campaigns');
  return <Placeholder title={t('title')} />;
}

const campaignsRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'campaigns', component: CampaignsPage });

export const campaignsFeature: Feature = { routes: [campaignsRoute], nav: { path: 'campaigns', label: 'campaigns:nav' } };
