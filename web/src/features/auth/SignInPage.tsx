import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { createRoute, Link, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { rootRoute } from '../../app/root-route';
import { safeNext, type SignInSearch } from '../../app/sign-in-redirect';
import { useSignIn } from '../../api/session';
import { CenteredCard } from '../../ui/CenteredCard';
import { ErrorAlert } from '../../ui/ErrorAlert';

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    next: typeof search.next === 'string' ? search.next : undefined,
    reason: search.reason === 'expired' || search.reason === 'signed-out' ? search.reason : undefined,
  }),
  component: SignInPage,
});

function SignInPage() {
  const { t } = useTranslation('auth');
  const { next, reason } = signInRoute.useSearch();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { email: email.trim(), password },
      { onSuccess: () => void navigate({ href: safeNext(next) ?? '/' }) },
    );
  };

  return (
    <CenteredCard title={t('signIn.title')}>
      {reason === 'expired' && (
        <Alert color="yellow" title={t('signIn.expiredTitle')}>
          {t('signIn.expired')}
        </Alert>
      )}
      {reason === 'signed-out' && <Alert color="gray">{t('signIn.signedOut')}</Alert>}
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <ErrorAlert error={signIn.error} />
          <Button type="submit" loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/password-reset" size="sm">
        {t('signIn.forgot')}
      </Anchor>
    </CenteredCard>
  );
}
