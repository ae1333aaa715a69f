import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rootRoute } from '../../app/root-route';
import { api, call } from '../../api/client';
import { meQuery } from '../../api/session';
import type { components } from '../../api/schema';
import type { CookieSignIn } from '../../api/types';
import { CenteredCard } from '../../ui/CenteredCard';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { tokenSearch } from './token-search';

type InvitationAccepted = components['schemas']['InvitationAccepted'];

export const invitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'invitations/accept',
  validateSearch: tokenSearch,
  component: InvitationPage,
});

/**
 * Someone signed in accepts with one click and lands in the workspace; someone signed out either
 * signs in with the account they have (and comes back here) or creates their account (name,
 * password) and is then signed in with a cookie session like everyone else.
 */
function InvitationPage() {
  const { t, i18n } = useTranslation('auth');
  const { token } = invitationRoute.useSearch();
  const navigate = useNavigate();
  const me = useQuery({ ...meQuery, throwOnError: false });
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const home = () => void navigate({ to: '/' });
  // Signing in brings the invitee back here, to accept with the account they have.
  const signInNext = `/invitations/accept?${new URLSearchParams({ token })}`;

  const acceptAsMember = useMutation({
    mutationFn: () => call<InvitationAccepted>(api.POST('/invitations/accept', { body: { token } })),
    onSuccess: async ({ workspace }) => {
      // The workspace's pages check the membership in `me`: read it again before going there.
      await client.fetchQuery({ ...meQuery, staleTime: 0 });
      await navigate({ to: '/$workspace/calendar', params: { workspace: workspace.slug } });
    },
  });
  // `session: 'cookie'`: the API signs this browser in (the session cookies), as POST /auth/login does.
  const acceptAsNew = useMutation({
    mutationFn: () =>
      call<CookieSignIn>(
        api.POST('/invitations/accept-new', {
          body: { token, name: name.trim(), password, locale: i18n.language === 'en' ? 'en' : 'id', session: 'cookie' },
        }),
      ),
    onSuccess: () => {
      client.removeQueries();
      home();
    },
  });

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    acceptAsNew.mutate();
  };

  if (!token) {
    return (
      <CenteredCard title={t('invitation.title')}>
        <Alert color="red">{t('invitation.noToken')}</Alert>
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title={t('invitation.title')}>
      {me.data ? (
        <Stack gap="sm">
          <Text>{t('invitation.asMember', { email: me.data.email })}</Text>
          <ErrorAlert error={acceptAsMember.error} />
          <Button onClick={() => acceptAsMember.mutate()} loading={acceptAsMember.isPending}>
            {t('invitation.accept')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="lg">
          <Stack gap="xs">
            <Text>{t('invitation.haveAccount')}</Text>
            <Button
              variant="default"
              renderRoot={(props) => <Link {...props} to="/sign-in" search={{ next: signInNext }} />}
            >
              {t('invitation.signIn')}
            </Button>
          </Stack>
          <form onSubmit={submitNew} noValidate>
            <Stack gap="sm">
              <Text>{t('invitation.asNew')}</Text>
              <TextInput
                label={t('name')}
                autoComplete="name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
              />
              <PasswordInput
                label={t('newPassword')}
                description={t('passwordRule')}
                autoComplete="new-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <ErrorAlert error={acceptAsNew.error} />
              <Button type="submit" loading={acceptAsNew.isPending}>
                {t('invitation.create')}
              </Button>
            </Stack>
          </form>
        </Stack>
      )}
    </CenteredCard>
  );
}
