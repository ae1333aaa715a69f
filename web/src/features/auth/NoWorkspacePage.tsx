import { Anchor, Text } from '@mantine/core';
import { createRoute, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { rootRoute } from '../../app/root-route';
import { CenteredCard } from '../../ui/CenteredCard';

export const noWorkspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'no-workspace',
  component: NoWorkspacePage,
});

/** Signed in but a member of no workspace yet: an admin must invite them. */
function NoWorkspacePage() {
  const { t } = useTranslation('auth');
  return (
    <CenteredCard title={t('noWorkspace.title')}>
      <Text>{t('noWorkspace.body')}</Text>
      <Anchor component={Link} to="/sign-out">
        {t('signOut.title')}
      </Anchor>
    </CenteredCard>
  );
}
