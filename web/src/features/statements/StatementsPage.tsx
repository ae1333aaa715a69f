import { Alert, Button, Checkbox, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../../api/accounts';
import { roleAtLeast } from '../../api/session';
import { useStatements, useWriteStatement } from '../../api/statements';
import type { Platform } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PLATFORM_NAMES } from '../../ui/platform-text';
import { StatementCard } from './StatementCard';

/**
 * Rapid response: write an urgent statement to chosen accounts; another coordinator or admin
 * releases it from the list below, which then shows each account's progress live (the API decides
 * who may release: the writer never can).
 */
export function StatementsPage() {
  const { t } = useTranslation('statements');
  const { me, membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const statements = useStatements(workspace);
  const accounts = (useAccounts(workspace).data?.accounts ?? []).filter((a) => a.status !== 'DISABLED');
  const write = useWriteStatement(workspace);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const writer = roleAtLeast(membership.role, 'EDITOR');
  const posts = statements.data?.posts ?? [];
  // Waiting ones first: whoever is asked to release (often on a phone) finds them at the top.
  const waiting = posts.filter((post) => post.status === 'IN_REVIEW');
  const others = posts.filter((post) => post.status !== 'IN_REVIEW');
  const card = (post: (typeof posts)[number]) => (
    <StatementCard key={post.id} workspace={workspace} post={post} mine={post.authorId === me.id} />
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    write.mutate(
      { title: title.trim() || null, baseText: text, targets: accountIds.map((accountId) => ({ accountId })) },
      {
        onSuccess: () => {
          setTitle('');
          setText('');
          setAccountIds([]);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text>{t('explain')}</Text>
      <ErrorAlert error={statements.error} />
      {waiting.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="statements-waiting">
          <Title order={2} size="h3" id="statements-waiting">
            {t('waitingList', { count: waiting.length })}
          </Title>
          {waiting.map(card)}
        </Stack>
      )}
      {writer && (
        <Paper withBorder p="md" component="section" aria-labelledby="statement-compose">
          <Title order={2} size="h3" id="statement-compose">
            {t('compose')}
          </Title>
          <form onSubmit={submit}>
            <Stack gap="sm" mt="sm">
              <TextInput
                label={t('titleField')}
                value={title}
                maxLength={300}
                onChange={(e) => {
                  write.reset();
                  setTitle(e.currentTarget.value);
                }}
              />
              <Textarea
                label={t('text')}
                required
                autosize
                minRows={4}
                value={text}
                onChange={(e) => {
                  write.reset();
                  setText(e.currentTarget.value);
                }}
              />
              <Checkbox.Group
                label={t('accounts')}
                required
                value={accountIds}
                onChange={(ids) => {
                  write.reset();
                  setAccountIds(ids);
                }}
              >
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
                  {accounts.map((account) => (
                    <Checkbox
                      key={account.id}
                      value={account.id}
                      label={`${account.displayName} (${PLATFORM_NAMES[account.platform as Platform] ?? account.platform})`}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <ErrorAlert error={write.error} />
              {write.isSuccess && (
                <Alert color="#1e6b34" role="status">
                  {t('written')}
                </Alert>
              )}
              <Button
                type="submit"
                color="#9c1c1c"
                loading={write.isPending}
                disabled={text.trim() === '' || accountIds.length === 0}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('send')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
      <Title order={2} size="h3">
        {t('list')}
      </Title>
      {!statements.isLoading && others.length === 0 && <Text>{t('empty')}</Text>}
      {others.map(card)}
    </Stack>
  );
}
