import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { createRoute, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../../api/session';
import { CenteredCard } from '../../ui/CenteredCard';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { rootRoute } from '../../app/root-route';
import { tokenSearch } from './token-search';

function BackToSignIn() {
  const { t } = useTranslation('auth');
  return (
    <Anchor component={Link} to="/sign-in" size="sm">
      {t('backToSignIn')}
    </Anchor>
  );
}

export const resetRequestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset',
  component: ResetRequestPage,
});

export const resetConfirmRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'password-reset/confirm',
  validateSearch: tokenSearch,
  component: ResetConfirmPage,
});

function ResetRequestPage() {
  const { t } = useTranslation('auth');
  const request = useRequestPasswordReset();
  const [email, setEmail] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(email.trim());
  };
  return (
    <CenteredCard title={t('reset.title')}>
      {request.isSuccess ? (
        <Alert color="green" role="status">
          {t('reset.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <ErrorAlert error={request.error} />
            <Button type="submit" loading={request.isPending}>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </CenteredCard>
  );
}

function ResetConfirmPage() {
  const { t } = useTranslation('auth');
  const { token } = resetConfirmRoute.useSearch();
  const confirm = useConfirmPasswordReset();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate({ token, newPassword: password });
  };
  return (
    <CenteredCard title={t('resetConfirm.title')}>
      {confirm.isSuccess ? (
        <Alert color="green" role="status">
          {t('resetConfirm.done')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('newPassword')}
              description={t('passwordRule')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <ErrorAlert error={confirm.error} />
            <Button type="submit" loading={confirm.isPending} disabled={!token}>
              {t('resetConfirm.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <BackToSignIn />
    </CenteredCard>
  );
}
