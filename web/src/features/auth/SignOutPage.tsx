import { Loader } from '@mantine/core';
import { createRoute, useNavigate } from '@tanstack/react-router';
import { rootRoute } from '../../app/root-route';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignOut } from '../../api/session';
import { CenteredCard } from '../../ui/CenteredCard';

export const signOutRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sign-out', component: SignOutPage });

/** Revokes the session (the API clears both cookies), then shows sign-in. */
function SignOutPage() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const { mutate } = useSignOut();
  useEffect(() => {
    mutate(undefined, {
      onSettled: () => void navigate({ to: '/sign-in', search: { reason: 'signed-out' }, replace: true }),
    });
  }, [mutate, navigate]);
  return (
    <CenteredCard title={t('signOut.title')}>
      <Loader role="status" aria-label={t('signOut.title')} />
    </CenteredCard>
  );
}
