import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnCampaigns, usePartnerActions, usePartnerships, type Partnership } from '../../api/partners';
import { roleAtLeast } from '../../api/session';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LeaveDialog } from './LeaveDialog';

const STATUS_COLOR: Record<string, string> = { INVITED: '#8a5a00', ACTIVE: '#1e6b34', DECLINED: '#555', LEFT: '#555' };

/** Joint campaigns: invite a partner workspace, answer invitations, leave (after seeing what it cancels). */
export function PartnersPage() {
  const { t } = useTranslation('partners');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const coordinator = roleAtLeast(membership.role, 'COORDINATOR');
  const partnerships = usePartnerships(workspace);
  const actions = usePartnerActions(workspace);
  const [leaving, setLeaving] = useState<Partnership | null>(null);
  const list = partnerships.data ?? [];
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text>{t('explain')}</Text>
      {coordinator && <InviteForm workspace={workspace} />}
      <Title order={2} size="h3">
        {t('joined.title')}
      </Title>
      <ErrorAlert error={partnerships.error ?? actions.accept.error ?? actions.decline.error} />
      {!partnerships.isLoading && list.length === 0 && <Text size="sm">{t('joined.none')}</Text>}
      {list.map((p) => (
        <Paper
          key={p.id}
          withBorder
          p="md"
          component="article"
          aria-label={p.campaign.name}
          style={{ borderLeft: `8px solid ${p.campaign.color}` }}
        >
          <Group justify="space-between" gap="xs">
            <div>
              <Text fw={700}>{p.campaign.name}</Text>
              <Text size="sm">{t('joined.owner', { name: p.campaign.workspace.name })}</Text>
            </div>
            <Badge color={STATUS_COLOR[p.status]} tt="none">
              {t(`status.${p.status}`)}
            </Badge>
          </Group>
          {coordinator && (
            <Group gap="xs" mt="sm">
              {p.status === 'INVITED' && (
                <Button
                  loading={actions.accept.isPending && actions.accept.variables === p.id}
                  onClick={() => actions.accept.mutate(p.id)}
                >
                  {t('joined.accept')}
                </Button>
              )}
              {p.status === 'INVITED' && (
                <Button
                  variant="default"
                  loading={actions.decline.isPending && actions.decline.variables === p.id}
                  onClick={() => actions.decline.mutate(p.id)}
                >
                  {t('joined.decline')}
                </Button>
              )}
              {p.status === 'ACTIVE' && (
                <Button variant="outline" color="#b02525" onClick={() => setLeaving(p)}>
                  {t('leave.button')}
                </Button>
              )}
            </Group>
          )}
        </Paper>
      ))}
      <OwnCampaignPartners workspace={workspace} />
      {leaving && <LeaveDialog workspace={workspace} partnership={leaving} onClose={() => setLeaving(null)} />}
    </Stack>
  );
}

function InviteForm({ workspace }: { workspace: string }) {
  const { t } = useTranslation('partners');
  const own = useOwnCampaigns(workspace);
  const campaigns = own.data ?? [];
  const { invite } = usePartnerActions(workspace);
  const [campaignId, setCampaignId] = useState('');
  const [partner, setPartner] = useState('');
  const chosen = campaignId || campaigns[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ campaignId: chosen, partner: partner.trim() }, { onSuccess: () => setPartner('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-partner">
      <Title order={2} size="h3" id="invite-partner">
        {t('invite.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('invite.explain')}
      </Text>
      <ErrorAlert error={own.error} />
      {own.isSuccess && campaigns.length === 0 && (
        <Text size="sm" mt="sm">
          {t('invite.noCampaign')}
        </Text>
      )}
      {campaigns.length > 0 && (
        <form onSubmit={submit}>
          <Group gap="xs" align="end" mt="sm">
            <NativeSelect
              label={t('invite.campaign')}
              value={chosen}
              onChange={(e) => {
                invite.reset();
                setCampaignId(e.currentTarget.value);
              }}
              data={campaigns.map((c) => ({ value: c.id, label: c.name }))}
              style={{ flex: '1 1 14rem' }}
            />
            <TextInput
              required
              label={t('invite.workspace')}
              description={t('invite.workspaceHint')}
              value={partner}
              onChange={(e) => {
                invite.reset();
                setPartner(e.currentTarget.value);
              }}
              style={{ flex: '1 1 14rem' }}
            />
            <Button type="submit" loading={invite.isPending}>
              {t('invite.submit')}
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={invite.error} />
      {invite.isSuccess && (
        <Alert color="#1e6b34" role="status" mt="sm">
          {t('invite.sent', { workspace: invite.variables.partner })}
        </Alert>
      )}
    </Paper>
  );
}

/** Our own joint campaigns and the workspaces we invited, with where each invitation stands. */
function OwnCampaignPartners({ workspace }: { workspace: string }) {
  const { t } = useTranslation('partners');
  const joint = (useOwnCampaigns(workspace).data ?? []).filter((c) => c.partners.length > 0);
  if (joint.length === 0) return null;
  return (
    <>
      <Title order={2} size="h3">
        {t('ours.title')}
      </Title>
      {joint.map((c) => (
        <Paper
          key={c.id}
          withBorder
          p="md"
          component="article"
          aria-label={c.name}
          style={{ borderLeft: `8px solid ${c.color}` }}
        >
          <Text fw={700}>{c.name}</Text>
          <Stack gap={4} mt="xs">
            {c.partners.map((p) => (
              <Group key={p.id} justify="space-between" gap="xs">
                <Text size="sm">{p.workspace.name}</Text>
                <Badge color={STATUS_COLOR[p.status]} tt="none">
                  {t(`status.${p.status}`)}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Paper>
      ))}
    </>
  );
}
