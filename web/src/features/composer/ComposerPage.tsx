import {
  Alert,
  Button,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarChoices } from '../../api/calendar';
import { useCampaigns } from '../../api/campaigns';
import { useMediaLibrary } from '../../api/media';
import { issuesOf, usePost, useReviewAction, useSaveDraft } from '../../api/posts';
import type { Issue, TargetIssues } from '../../api/post-types';
import { postPath } from '../../app/links';
import { useZone } from '../../app/zone';
import { roleAtLeast } from '../../api/session';
import { useBottomBarSpace } from '../../ui/bottom-bar';
import { WRAPPING_LABEL } from '../../ui/wrapping-label';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PostPreview } from '../../ui/PostPreview';
import { PLATFORM_NAMES } from '../../ui/platform-text';
import { draftOf, emptyState, stateOf, textFor, timePassed, type ComposerState } from './composer-state';
import { MediaPanel } from './MediaPanel';
import { SchedulePanel } from './SchedulePanel';
import { TextTabs } from './TextTabs';
import { useDraftCheck, type CheckState } from './use-draft-check';

export interface ComposeSearch {
  at?: string;
  zone?: string;
  post?: string;
  campaign?: string;
}

export function ComposerPage() {
  const search = useSearch({ strict: false }) as ComposeSearch;
  const { t } = useTranslation('composer');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const displayZone = useZone();
  const navigate = useNavigate();
  const { accounts } = useCalendarChoices(workspace);
  const campaigns = useCampaigns(workspace).data?.campaigns ?? [];
  const media = useMediaLibrary(workspace).data ?? [];
  const stored = usePost(workspace, search.post);
  const [state, setState] = useState<ComposerState>(() =>
    emptyState(search.at ?? '', displayZone, search.campaign ?? null),
  );
  const [savedIssues, setSavedIssues] = useState<TargetIssues[]>([]);
  const save = useSaveDraft(workspace);
  const review = useReviewAction(workspace);

  useEffect(() => {
    if (stored.data) {
      setState(stateOf(stored.data, displayZone));
      setSavedIssues(issuesOf(stored.data));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load the stored post once per id
  }, [stored.data?.id]);

  const check = useDraftCheck(workspace, state);
  const campaign = campaigns.find((c) => c.id === state.campaignId);

  const [issuesByAccount, warningsByAccount] = useMemo(() => {
    const source = check.kind === 'checked' ? check.issues : savedIssues;
    return [
      new Map<string, Issue[]>(source.map((entry) => [entry.accountId, entry.issues])),
      new Map<string, Issue[]>(source.map((entry) => [entry.accountId, entry.warnings])),
    ];
  }, [check, savedIssues]);

  const change = (patch: Partial<ComposerState>) => setState((current) => ({ ...current, ...patch }));
  const passed = timePassed(state);
  const canEdit = roleAtLeast(membership.role, 'EDITOR');
  // On a phone the action bar sticks to the bottom: a field brought into view stops above it.
  const bar = useBottomBarSpace<HTMLDivElement>(8);

  const store = async () => {
    const post = await save.mutateAsync({ postId: state.postId, draft: draftOf(state) });
    setState((current) => ({ ...current, postId: post.id }));
    setSavedIssues(issuesOf(post));
    if (!state.postId)
      void navigate({ to: '/$workspace/compose', params: { workspace }, search: { post: post.id }, replace: true });
    return post;
  };
  const submit = async () => {
    const post = await store();
    if (post.targets.some((target) => target.issues.length > 0)) return;
    await review.mutateAsync({ postId: post.id, action: 'submit' });
    void navigate({ to: postPath(workspace, post.id) });
  };

  if (!canEdit) return <Alert color="gray">{t('viewerOnly')}</Alert>;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {state.postId ? t('editTitle') : t('title')}
      </Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <Stack gap="xs">
                <NativeSelect
                  label={t('campaign')}
                  value={state.campaignId ?? ''}
                  data={[
                    { value: '', label: t('noCampaign') },
                    ...campaigns.map((c) => ({ value: c.id, label: c.name })),
                  ]}
                  onChange={(event) => change({ campaignId: event.currentTarget.value || null })}
                />
                <Checkbox.Group
                  label={t('accounts')}
                  value={state.accountIds}
                  onChange={(accountIds) => change({ accountIds })}
                >
                  <Group gap="sm" mt={4}>
                    {accounts.map((account) => (
                      <Checkbox
                        key={account.id}
                        value={account.id}
                        label={`${account.displayName} (${PLATFORM_NAMES[account.platform]})`}
                      />
                    ))}
                  </Group>
                </Checkbox.Group>
                <TextInput
                  label={t('postTitle')}
                  description={t('postTitleHint')}
                  value={state.title}
                  onChange={(e) => change({ title: e.currentTarget.value })}
                />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <TextTabs
                state={state}
                accounts={accounts}
                campaign={campaign}
                issuesByAccount={issuesByAccount}
                warningsByAccount={warningsByAccount}
                onChange={change}
              />
            </Paper>
            <Paper withBorder p="md">
              <MediaPanel
                workspace={workspace}
                mediaIds={state.mediaIds}
                onChange={(mediaIds) => change({ mediaIds })}
              />
            </Paper>
            <Paper withBorder p="md">
              <SchedulePanel workspace={workspace} state={state} accounts={accounts} onChange={change} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('preview')}
            </Title>
            {state.accountIds.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('pickAccounts')}
              </Text>
            )}
            {accounts
              .filter((a) => state.accountIds.includes(a.id))
              .map((account) => (
                <PostPreview
                  key={account.id}
                  platform={account.platform}
                  accountName={account.displayName}
                  text={textFor(state, account.id)}
                  media={media.filter((m) => state.mediaIds.includes(m.id))}
                />
              ))}
          </Stack>
        </Grid.Col>
      </Grid>
      <Paper
        ref={bar.ref}
        withBorder
        p="sm"
        pos={{ base: 'sticky', md: 'static' }}
        bottom={0}
        style={{ zIndex: 5 }}
        data-testid="composer-bar"
      >
        <Stack gap={6}>
          <CheckLine check={check} passed={passed} />
          <ErrorAlert error={save.error ?? review.error} />
          <SimpleGrid cols={2} spacing="sm" w="100%" maw={460} ml="auto">
            <Button
              variant="default"
              fullWidth
              h="auto"
              py={8}
              styles={WRAPPING_LABEL}
              onClick={() => void store().catch(() => undefined)}
              loading={save.isPending}
              disabled={passed || state.accountIds.length === 0}
            >
              {t('saveDraft')}
            </Button>
            <Button
              fullWidth
              h="auto"
              py={8}
              styles={WRAPPING_LABEL}
              onClick={() => void submit().catch(() => undefined)}
              loading={save.isPending || review.isPending}
              disabled={passed || state.accountIds.length === 0 || (check.kind === 'checked' && !check.submittable)}
            >
              {t('submit')}
            </Button>
          </SimpleGrid>
        </Stack>
      </Paper>
    </Stack>
  );
}

/** What the API last said about this very draft, never more. */
function CheckLine({ check, passed }: { check: CheckState; passed: boolean }) {
  const { t } = useTranslation('composer');
  if (passed)
    return (
      <Text size="sm" c="#b02525" role="alert">
        {t('time.passed')}
      </Text>
    );
  const text =
    check.kind === 'checking'
      ? t('check.checking')
      : check.kind === 'failed'
        ? check.error instanceof Error
          ? check.error.message
          : t('check.failed')
        : check.kind === 'checked'
          ? check.submittable
            ? t('check.ok')
            : t('check.issues', { count: check.issues.reduce((n, e) => n + e.issues.length, 0) })
          : t('check.idle');
  return (
    <Text
      size="sm"
      c={
        check.kind === 'checked' && check.submittable
          ? '#1f6f35'
          : check.kind === 'checked' || check.kind === 'failed'
            ? '#b02525'
            : undefined
      }
      aria-live="polite"
      data-testid="check-line"
    >
      {text}
    </Text>
  );
}
