import {
  Alert,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NotificationPreferences,
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from '../../api/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';

type Choices = Pick<NotificationPreferences, 'emailKinds' | 'telegramKinds' | 'quietHours' | 'digestHour'>;
type Channel = 'emailKinds' | 'telegramKinds';
const DEFAULT_QUIET = { from: '22:00', until: '06:00' };
const DEFAULT_DIGEST_HOUR = 7;
const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** Which kinds come by e-mail and to my linked Telegram chat, and my quiet hours (in my zone); the list in the app always has everything. */
export function NotificationPrefsPanel() {
  const { t } = useTranslation('settings');
  const current = useNotificationPreferences().data;
  const save = useSaveNotificationPreferences();
  const [edits, setEdits] = useState<Choices | null>(null);
  if (!current) return null;
  const choices: Choices = edits ?? {
    emailKinds: current.emailKinds,
    telegramKinds: current.telegramKinds,
    quietHours: current.quietHours,
    digestHour: current.digestHour,
  };
  const change = (next: Choices) => {
    save.reset();
    setEdits(next);
  };
  const toggle = (channel: Channel, kind: string, on: boolean) =>
    change({ ...choices, [channel]: on ? [...choices[channel], kind] : choices[channel].filter((k) => k !== kind) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(choices, { onSuccess: () => setEdits(null) });
  };
  const quiet = choices.quietHours;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notification-settings">
      <Title order={2} size="h3" id="notification-settings">
        {t('notify.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('notify.explain')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm" mt="sm">
          {(['emailKinds', 'telegramKinds'] as const).map((channel) => (
            <fieldset key={channel} style={{ border: 0, padding: 0, margin: 0 }}>
              <Text component="legend" fw={600} size="sm" mb="xs">
                {t(channel === 'emailKinds' ? 'notify.email' : 'notify.telegram')}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                {current.kinds.map(({ kind, ignoresQuietHours }) => (
                  <Checkbox
                    key={kind}
                    label={t(`notify.kinds.${kind}`)}
                    description={ignoresQuietHours ? t('notify.urgent') : undefined}
                    checked={choices[channel].includes(kind)}
                    onChange={(e) => toggle(channel, kind, e.currentTarget.checked)}
                  />
                ))}
              </SimpleGrid>
            </fieldset>
          ))}
          <Switch
            label={t('notify.quiet')}
            description={t('notify.quietHint')}
            checked={quiet !== null}
            onChange={(e) => change({ ...choices, quietHours: e.currentTarget.checked ? DEFAULT_QUIET : null })}
          />
          {quiet && (
            <SimpleGrid cols={2} maw={360}>
              <TextInput
                type="time"
                required
                label={t('notify.from')}
                value={quiet.from}
                onChange={(e) => change({ ...choices, quietHours: { ...quiet, from: e.currentTarget.value } })}
              />
              <TextInput
                type="time"
                required
                label={t('notify.until')}
                value={quiet.until}
                onChange={(e) => change({ ...choices, quietHours: { ...quiet, until: e.currentTarget.value } })}
              />
            </SimpleGrid>
          )}
          <Switch
            label={t('notify.digest')}
            description={t('notify.digestHint')}
            checked={choices.digestHour !== null}
            onChange={(e) => change({ ...choices, digestHour: e.currentTarget.checked ? DEFAULT_DIGEST_HOUR : null })}
          />
          {choices.digestHour !== null && (
            <NativeSelect
              label={t('notify.digestHour')}
              data={HOURS}
              value={String(choices.digestHour)}
              maw={180}
              onChange={(e) => change({ ...choices, digestHour: Number(e.currentTarget.value) })}
            />
          )}
          <ErrorAlert error={save.error} />
          {save.isSuccess && (
            <Alert color="#1e6b34" role="status">
              {t('notify.saved')}
            </Alert>
          )}
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('notify.save')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
