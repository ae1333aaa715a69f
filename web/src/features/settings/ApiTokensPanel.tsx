import { Alert, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiTokenActions, useApiTokens } from '../../api/settings';
import { roleValues as ROLES } from '../../api/schema';
import type { Role } from '../../api/types';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Personal API tokens: the secret is shown once, right after creating; revoke any time. */
export function ApiTokensPanel({ workspace, role }: { workspace: string; role: Role }) {
  const { t } = useTranslation('settings');
  const format = useFormatInstant();
  const tokens = useApiTokens(workspace);
  const { create, revoke } = useApiTokenActions(workspace);
  const [name, setName] = useState('');
  const [roleCap, setRoleCap] = useState<Role>('VIEWER');
  const allowed = ROLES.slice(0, ROLES.indexOf(role) + 1);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), roleCap }, { onSuccess: () => setName('') });
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        {t('tokens.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('tokens.explain')}
      </Text>
      <form onSubmit={submit}>
        <Group gap="xs" align="end" mt="sm">
          <TextInput
            required
            label={t('tokens.name')}
            description={t('tokens.nameHint')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          <NativeSelect
            label={t('tokens.roleCap')}
            value={roleCap}
            onChange={(e) => setRoleCap(e.currentTarget.value as Role)}
            data={allowed.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <Button type="submit" loading={create.isPending}>
            {t('tokens.create')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error ?? tokens.error ?? revoke.error} />
      {create.data && (
        <Alert color="#1e6b34" role="status" mt="sm" title={t('tokens.created', { name: create.data.name })}>
          <Text size="sm">{t('tokens.once')}</Text>
          <Code block data-testid="new-token" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {create.data.token}
          </Code>
        </Alert>
      )}
      <Stack gap={0} mt="sm">
        {(tokens.data ?? []).length === 0 ? (
          <Text size="sm">{t('tokens.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={320}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.roleCap')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(tokens.data ?? []).map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>{t(`roles.${token.roleCap}`)}</Table.Td>
                    <Table.Td>{token.lastUsedAt ? format(token.lastUsedAt) : t('tokens.never')}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="outline"
                        color="#b02525"
                        aria-label={t('tokens.revokeOne', { name: token.name })}
                        onClick={() => revoke.mutate(token.id)}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
