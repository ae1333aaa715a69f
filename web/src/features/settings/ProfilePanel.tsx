import { Alert, Button, NativeSelect, Paper, PasswordInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { useChangePassword, useUpdateProfile } from '../../api/settings';
import { chooseLanguage, isLanguage } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { languageChoices, zoneChoices } from './choices';

const WORKSPACE_ZONE = '';

/** My language and zone (every page follows them), and my password. */
export function ProfilePanel() {
  const { t } = useTranslation('settings');
  const me = useMe().data;
  const update = useUpdateProfile();
  const [edits, setEdits] = useState<{ locale?: string; timeZone?: string }>({});
  if (!me) return null;
  const locale = edits.locale ?? me.locale ?? 'id';
  const timeZone = edits.timeZone ?? me.timeZone ?? WORKSPACE_ZONE;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isLanguage(locale)) return;
    update.mutate(
      { locale, timeZone: timeZone || null },
      {
        onSuccess: () => {
          setEdits({});
          chooseLanguage(locale);
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-settings">
      <Title order={2} size="h3" id="profile-settings">
        {t('profile.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('profile.explain', { email: me.email })}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm" mt="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('profile.language')}
              value={locale}
              onChange={(e) => {
                update.reset();
                setEdits({ ...edits, locale: e.currentTarget.value });
              }}
              data={languageChoices(t)}
            />
            <NativeSelect
              label={t('profile.zone')}
              description={t('profile.zoneHint')}
              value={timeZone}
              onChange={(e) => {
                update.reset();
                setEdits({ ...edits, timeZone: e.currentTarget.value });
              }}
              data={[{ value: WORKSPACE_ZONE, label: t('profile.workspaceZone') }, ...zoneChoices(t, me.timeZone)]}
            />
          </SimpleGrid>
          <ErrorAlert error={update.error} />
          {update.isSuccess && (
            <Alert color="#1e6b34" role="status">
              {t('profile.saved')}
            </Alert>
          )}
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('profile.save')}
          </Button>
        </Stack>
      </form>
      <PasswordForm />
    </Paper>
  );
}

function PasswordForm() {
  const { t } = useTranslation('settings');
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4">
          {t('password.title')}
        </Title>
        <Text size="sm">{t('password.explain')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput
            required
            autoComplete="current-password"
            label={t('password.current')}
            value={currentPassword}
            onChange={(e) => {
              change.reset();
              setCurrent(e.currentTarget.value);
            }}
          />
          <PasswordInput
            required
            autoComplete="new-password"
            label={t('password.new')}
            description={t('password.newHint')}
            value={newPassword}
            onChange={(e) => {
              change.reset();
              setNew(e.currentTarget.value);
            }}
          />
        </SimpleGrid>
        <ErrorAlert error={change.error} />
        {change.isSuccess && (
          <Alert color="#1e6b34" role="status">
            {t('password.changed')}
          </Alert>
        )}
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
