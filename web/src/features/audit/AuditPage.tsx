import { Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuditLog, type AuditEvent } from '../../api/audit';
import { useMembers } from '../../api/people';
import { useFormatInstant, useZone } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { instantOf } from '../../ui/zoned-input';
import type { AuditSearch } from './index';
import { AUDIT_FAMILIES } from './families';
import { subjectPath } from './subject-link';

/** The audit log for admins: who did what, when; filters in the URL, older entries a page at a time. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const search = useSearch({ from: '/$workspace/audit' });
  const navigate = useNavigate();
  const zone = useZone();
  // A phone shows one card per entry: four columns do not fit 390 px, and the object's link was off-screen.
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const members = useMembers(workspace).data ?? [];
  const day = (value: string | undefined, next = false) => {
    const start = value ? instantOf(`${value}T00:00`, zone) : undefined;
    return start ? new Date(start.getTime() + (next ? 86_400_000 : 0)).toISOString() : undefined;
  };
  const log = useAuditLog(workspace, {
    actorId: search.who,
    action: search.what,
    from: day(search.from),
    to: day(search.to, true),
  });
  const set = (changes: Partial<AuditSearch>) =>
    void navigate({ to: '/$workspace/audit', params: { workspace }, search: { ...search, ...changes }, replace: true });
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text>{t('explain')}</Text>
      <Paper withBorder p="md" component="form" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <Group gap="xs" align="end">
          <NativeSelect
            label={t('who')}
            value={search.who ?? ''}
            onChange={(e) => set({ who: e.currentTarget.value || undefined })}
            data={[{ value: '', label: t('anyone') }, ...members.map((m) => ({ value: m.userId, label: m.name }))]}
            style={{ flex: '1 1 12rem' }}
          />
          <NativeSelect
            label={t('what')}
            value={search.what ?? ''}
            onChange={(e) => set({ what: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('anything') },
              ...AUDIT_FAMILIES.map((f) => ({ value: `${f}.*`, label: t(`families.${f}`) })),
            ]}
            style={{ flex: '1 1 12rem' }}
          />
          <TextInput
            type="date"
            label={t('from')}
            value={search.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
            style={{ flex: '1 1 9rem' }}
          />
          <TextInput
            type="date"
            label={t('to')}
            value={search.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
            style={{ flex: '1 1 9rem' }}
          />
          <Button
            variant="default"
            onClick={() => set({ who: undefined, what: undefined, from: undefined, to: undefined })}
          >
            {t('clear')}
          </Button>
        </Group>
      </Paper>
      <ErrorAlert error={log.error} />
      {!log.isLoading && events.length === 0 && <Text>{t('none')}</Text>}
      {events.length > 0 &&
        (phone ? (
          <AuditCards workspace={workspace} events={events} />
        ) : (
          <AuditTable workspace={workspace} events={events} />
        ))}
      {log.hasNextPage && (
        <Button
          variant="default"
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('older')}
        </Button>
      )}
    </Stack>
  );
}

/** Who did it, what it was, and the object's link (or its kind in words when it has no page). */
function useEntryParts(workspace: string) {
  const { t } = useTranslation('audit');
  return (event: AuditEvent) => {
    const path = subjectPath(workspace, event);
    const label = event.subjectType ? t(`subjects.${event.subjectType}`) : t('unknownSubject');
    return {
      who: event.actorName ?? t(`actors.${event.actorKind}`, { defaultValue: event.actorKind }),
      what: t(`actions.${event.action}`, { defaultValue: event.action }),
      object: path ? (
        <Anchor component={Link} to={path}>
          {label}
        </Anchor>
      ) : (
        label
      ),
    };
  };
}

/** On a phone: one card per entry, every part readable without scrolling sideways. */
function AuditCards({ workspace, events }: { workspace: string; events: AuditEvent[] }) {
  const { t } = useTranslation('audit');
  const format = useFormatInstant();
  const partsOf = useEntryParts(workspace);
  return (
    <Stack gap="xs" component="ul" aria-label={t('title')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {events.map((event) => {
        const parts = partsOf(event);
        return (
          <Paper key={event.id} component="li" withBorder p="sm" data-testid="audit-entry">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {parts.what}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {parts.who} · {format(event.createdAt)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('object')}: {parts.object}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}

function AuditTable({ workspace, events }: { workspace: string; events: AuditEvent[] }) {
  const { t } = useTranslation('audit');
  const format = useFormatInstant();
  const partsOf = useEntryParts(workspace);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('when')}</Table.Th>
            <Table.Th>{t('who')}</Table.Th>
            <Table.Th>{t('what')}</Table.Th>
            <Table.Th>{t('object')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const parts = partsOf(event);
            return (
              <Table.Tr key={event.id} data-testid="audit-entry">
                <Table.Td>{format(event.createdAt)}</Table.Td>
                <Table.Td>{parts.who}</Table.Td>
                <Table.Td>{parts.what}</Table.Td>
                <Table.Td>{parts.object}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
