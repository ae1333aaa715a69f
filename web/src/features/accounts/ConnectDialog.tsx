import {
  Alert,
  Button,
  Checkbox,
  Code,
  Collapse,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectAccount, type Account, type ConnectMethod, type CredentialField } from '../../api/accounts';
import { Dialog } from '../../ui/Dialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { platformName } from './platforms';

interface Props {
  workspace: string;
  /** The platform's connect method (GET /platforms): its form's fields, in order. */
  method: ConnectMethod;
  /** Reconnecting this account instead of connecting a new one. */
  account?: Account;
  onClose: () => void;
}

/**
 * A platform's credential form, with help beside each field (where a bot token or an application
 * password comes from). The API verifies with the platform before saving; its refusal shows here.
 */
export function ConnectDialog({ workspace, method, account, onClose }: Props) {
  const { t } = useTranslation('accounts');
  const connect = useConnectAccount(workspace);
  const { platform } = method;
  const fields = method.form ?? [];
  const [values, setValues] = useState<Record<string, string>>({});
  // Yes/no questions (a webhook receiver that deduplicates) start unticked: the safe answer.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [advanced, setAdvanced] = useState(false);
  const name = platformName(platform);
  const set = (field: string, value: string) => setValues((prev) => ({ ...prev, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filled = Object.fromEntries(
      Object.entries(values)
        .map(([k, v]) => [k, v.trim()])
        .filter(([, v]) => v),
    );
    const answers = Object.fromEntries(fields.filter((f) => f.checkbox).map((f) => [f.name, ticked[f.name] ?? false]));
    connect.mutate({ accountId: account?.id, form: { platform, ...filled, ...answers } });
  };

  const secret = connect.data?.secret;
  if (connect.isSuccess) {
    return (
      <Dialog
        closeLabel={t('close')}
        onClose={onClose}
        title={t('connect.doneTitle', { name: connect.data.displayName })}
      >
        <Stack gap="sm">
          <Alert color="#1e6b34" role="status">
            {account ? t('reconnect.done') : t('connect.done', { platform: name })}
          </Alert>
          {secret && (
            <>
              <Text size="sm" fw={600}>
                {t('connect.secretOnce')}
              </Text>
              <Code block data-testid="revealed-secret" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {secret}
              </Code>
            </>
          )}
          <Button onClick={onClose}>{t('finish')}</Button>
        </Stack>
      </Dialog>
    );
  }

  const input = (field: CredentialField) => {
    const description = t(`help.${platform}.${field.name}`, { defaultValue: t(`fields.${field.name}.help`) });
    if (field.checkbox)
      return (
        <Checkbox
          key={field.name}
          label={t(`fields.${field.name}.label`)}
          description={description}
          checked={ticked[field.name] ?? false}
          onChange={(e) => {
            const { checked } = e.currentTarget;
            setTicked((prev) => ({ ...prev, [field.name]: checked }));
          }}
        />
      );
    const props = {
      key: field.name,
      label: t(`fields.${field.name}.label`),
      description,
      required: !field.optional,
      value: values[field.name] ?? '',
      onChange: (e: React.ChangeEvent<HTMLInputElement>) => set(field.name, e.currentTarget.value),
      autoComplete: 'off',
    };
    return field.secret ? <PasswordInput {...props} /> : <TextInput {...props} />;
  };
  const advancedFields = fields.filter((f) => f.advanced);

  return (
    <Dialog
      closeLabel={t('close')}
      onClose={onClose}
      title={account ? t('reconnect.title', { name: account.displayName }) : t('connect.formTitle', { platform: name })}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">{t(`intro.${platform}`)}</Text>
          {fields.filter((f) => !f.advanced).map(input)}
          {!account && (
            <TextInput
              label={t('fields.displayName.label')}
              description={t('fields.displayName.help')}
              value={values.displayName ?? ''}
              onChange={(e) => set('displayName', e.currentTarget.value)}
            />
          )}
          {advancedFields.length > 0 && (
            <>
              <UnstyledButton
                type="button"
                onClick={() => setAdvanced((open) => !open)}
                aria-expanded={advanced}
                style={{ textDecoration: 'underline' }}
              >
                {t('connect.advanced')}
              </UnstyledButton>
              <Collapse expanded={advanced}>
                <Stack gap="sm">{advancedFields.map(input)}</Stack>
              </Collapse>
            </>
          )}
          <ErrorAlert error={connect.error} />
          <Button type="submit" size="md" loading={connect.isPending}>
            {account ? t('reconnect.submit') : t('connect.submit')}
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
