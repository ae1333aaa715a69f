import { Alert, Button, Code, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMembers, usePeopleActions, type Member } from '../../api/people';
import { roleValues as ROLES } from '../../api/schema';
import type { Role } from '../../api/types';
import { Dialog } from '../../ui/Dialog';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { ErrorAlert } from '../../ui/ErrorAlert';

const mayManage = (role: Role) => role === 'ADMIN' || role === 'OWNER';

/** Members with their roles; admins invite by e-mail, change roles and remove people. */
export function PeoplePage() {
  const { t } = useTranslation('people');
  const { membership, me } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const members = useMembers(workspace);
  const actions = usePeopleActions(workspace);
  const admin = mayManage(membership.role);
  const roleOptions = ROLES.filter((r) => r !== 'OWNER' || membership.role === 'OWNER').map((r) => ({
    value: r,
    label: t(`roles.${r}`),
  }));
  const [removing, setRemoving] = useState<Member | null>(null);
  // A refused removal is explained in its dialog while that is open.
  const failure = actions.changeRole.error ?? (removing ? null : actions.remove.error);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text size="sm">{t('rolesExplain')}</Text>
      {admin && <InviteForm workspace={workspace} roleOptions={roleOptions} />}
      <ErrorAlert error={members.error ?? failure} />
      <LastOwner error={failure} />
      {(members.data ?? []).map((member: Member) => (
        <Paper key={member.userId} withBorder p="sm" component="article" aria-label={member.name || member.email}>
          <Group justify="space-between" gap="xs">
            <div>
              <Text fw={700}>
                {member.name || member.email}
                {member.userId === me.id ? ` ${t('you')}` : ''}
              </Text>
              <Text size="sm">{member.email}</Text>
            </div>
            {admin ? (
              <Group gap="xs" align="end">
                <NativeSelect
                  label={t('role')}
                  aria-label={t('roleOf', { name: member.name || member.email })}
                  value={member.role}
                  data={
                    member.role === 'OWNER' && membership.role !== 'OWNER'
                      ? [{ value: 'OWNER', label: t('roles.OWNER') }]
                      : roleOptions
                  }
                  onChange={(e) =>
                    actions.changeRole.mutate({ userId: member.userId, role: e.currentTarget.value as Role })
                  }
                />
                {(member.role !== 'OWNER' || membership.role === 'OWNER') && (
                  <Button
                    variant="outline"
                    color="#b02525"
                    onClick={() => {
                      actions.remove.reset();
                      setRemoving(member);
                    }}
                  >
                    {t('remove.button')}
                  </Button>
                )}
              </Group>
            ) : (
              <Text size="sm" fw={600}>
                {t(`roles.${member.role}`)}
              </Text>
            )}
          </Group>
        </Paper>
      ))}
      {removing && <RemoveDialog member={removing} remove={actions.remove} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

/** The last-owner rule, explained when the API refused a change because of it. */
function LastOwner({ error }: { error: Error | null }) {
  const { t } = useTranslation('people');
  if (!(error instanceof ApiError && error.code === 'last_owner')) return null;
  return (
    <Alert color="#8a4b00" title={t('lastOwner.title')}>
      {t('lastOwner.explain')}
    </Alert>
  );
}

/** Removing a member: the app's own confirmation (what stays, what ends), then the API's answer in the dialog. */
function RemoveDialog({
  member,
  remove,
  onClose,
}: {
  member: Member;
  remove: ReturnType<typeof usePeopleActions>['remove'];
  onClose: () => void;
}) {
  const { t } = useTranslation('people');
  const name = member.name || member.email;
  return (
    <Dialog closeLabel={t('close')} onClose={onClose} title={t('remove.title', { name })}>
      <Stack gap="sm">
        <Text size="sm">{t('remove.explain')}</Text>
        <ErrorAlert error={remove.error} />
        <LastOwner error={remove.error} />
        <ConfirmActions
          confirmLabel={t('remove.confirm', { name })}
          cancelLabel={t('cancel')}
          onConfirm={() => remove.mutate(member.userId, { onSuccess: onClose })}
          onCancel={onClose}
          pending={remove.isPending}
        />
      </Stack>
    </Dialog>
  );
}

function InviteForm({ workspace, roleOptions }: { workspace: string; roleOptions: { value: Role; label: string }[] }) {
  const { t } = useTranslation('people');
  const { invite } = usePeopleActions(workspace);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('EDITOR');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail('') });
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Title order={2} size="h3">
          {t('invite.title')}
        </Title>
        <Group gap="xs" align="end" mt="xs">
          <TextInput
            type="email"
            required
            label={t('invite.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            style={{ flex: '1 1 14rem' }}
          />
          <NativeSelect
            label={t('role')}
            value={role}
            data={roleOptions}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('invite.submit')}
          </Button>
        </Group>
        <ErrorAlert error={invite.error} />
        {invite.data && (
          <Alert color="#1e6b34" role="status" mt="sm" title={t('invite.sent', { email: invite.data.email })}>
            {invite.data.inviteUrl ? (
              <>
                <Text size="sm">{t('invite.noMail')}</Text>
                <Code block data-testid="invite-link" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {invite.data.inviteUrl}
                </Code>
              </>
            ) : (
              <Text size="sm">{t('invite.mailed')}</Text>
            )}
          </Alert>
        )}
      </form>
    </Paper>
  );
}
