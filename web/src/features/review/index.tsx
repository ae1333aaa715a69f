import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Feature } from '../../app/feature';
import { workspaceRoute } from '../../app/workspace-route';
import { Placeholder } from '../../ui/Placeholder';

function ReviewPage() {
  const { t } = useTranslation('review');
  return <Placeholder title={t('title')} />;
}

const reviewRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'review', component: ReviewPage });

export const reviewFeature: Feature = { routes: [reviewRoute], nav: { path: 'review', label: 'review:nav' } };
