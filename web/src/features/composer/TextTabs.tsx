import { Badge, Button, Group, List, Switch, Tabs, Text, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Campaign, Issue } from '../../api/post-types';
import type { AccountSummary } from '../../api/types';
import { WRAPPING_LABEL } from '../../ui/wrapping-label';
import { countFor, PLATFORM_NAMES, PLATFORM_TEXT } from '../../ui/platform-text';
import { textFor, type ComposerState } from './composer-state';

interface Props {
  state: ComposerState;
  accounts: AccountSummary[];
  campaign: Campaign | undefined;
  issuesByAccount: Map<string, Issue[]>;
  /** Not blocking (alt text under the RECOMMENDED policy): shown, never counted as issues. */
  warningsByAccount: Map<string, Issue[]>;
  onChange: (change: Partial<ComposerState>) => void;
}

/** The base text and one tab per chosen account with its own text, its counter and the API's issues. */
export function TextTabs({ state, accounts, campaign, issuesByAccount, warningsByAccount, onChange }: Props) {
  const { t } = useTranslation('composer');
  const [tab, setTab] = useState<string>('base');
  const editor = useRef<HTMLTextAreaElement>(null);
  const chosen = state.accountIds
    .map((id) => accounts.find((a) => a.id === id))
    .filter((a): a is AccountSummary => a !== undefined);
  const active = chosen.find((a) => a.id === tab);
  const ownText = active ? (state.texts[active.id] ?? null) : null;
  const editing = active ? ownText : state.baseText;

  const setText = (value: string) =>
    active ? onChange({ texts: { ...state.texts, [active.id]: value } }) : onChange({ baseText: value });

  /** Inserts at the cursor of the text being edited (a key message or a hashtag). */
  const insert = (snippet: string) => {
    const current = editing ?? state.baseText;
    const area = editor.current;
    const start = area?.selectionStart ?? current.length;
    const end = area?.selectionEnd ?? current.length;
    const before = current.slice(0, start);
    const spaced = (before && !/\s$/.test(before) ? ' ' : '') + snippet;
    setText(before + spaced + current.slice(end));
  };

  const counters = (active ? [active] : chosen).map((account) => {
    const { limit } = PLATFORM_TEXT[account.platform];
    const count = countFor(account.platform, textFor(state, account.id));
    const over = limit !== null && count > limit;
    return (
      <Badge
        key={account.id}
        variant={over ? 'filled' : 'light'}
        color={over ? '#b02525' : 'gray'}
        size="lg"
        tt="none"
        data-testid={`counter-${account.id}`}
      >
        {PLATFORM_NAMES[account.platform]}: {limit === null ? count : `${count}/${limit}`}
        {over ? ` · ${t('text.over')}` : ''}
      </Badge>
    );
  });

  // The API names platform and account in each message; older answers do not, so say which here.
  const named = (byAccount: Map<string, Issue[]>) =>
    (active ? [active] : chosen).flatMap((account) =>
      (byAccount.get(account.id) ?? []).map((issue) => ({
        ...issue,
        message: issue.message.includes(account.displayName)
          ? issue.message
          : `${account.displayName} (${PLATFORM_NAMES[account.platform]}): ${issue.message}`,
      })),
    );
  const issues = named(issuesByAccount);
  const warnings = named(warningsByAccount);

  return (
    <Tabs value={tab} onChange={(value) => setTab(value ?? 'base')} keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="base">{t('text.base')}</Tabs.Tab>
        {chosen.map((account) => {
          const count = issuesByAccount.get(account.id)?.length ?? 0;
          return (
            <Tabs.Tab
              key={account.id}
              value={account.id}
              rightSection={
                count > 0 ? (
                  <Badge color="#b02525" size="sm" aria-label={t('text.issueCount', { count })}>
                    {count}
                  </Badge>
                ) : undefined
              }
            >
              {account.displayName}
            </Tabs.Tab>
          );
        })}
      </Tabs.List>
      <Tabs.Panel value={tab} pt="sm">
        {active && (
          <Switch
            mb="xs"
            label={t('text.ownText', { platform: PLATFORM_NAMES[active.platform] })}
            checked={ownText !== null}
            onChange={(event) =>
              onChange({ texts: { ...state.texts, [active.id]: event.currentTarget.checked ? state.baseText : null } })
            }
          />
        )}
        <Textarea
          ref={editor}
          label={active ? t('text.accountLabel', { account: active.displayName }) : t('text.baseLabel')}
          description={active && ownText === null ? t('text.usesBase') : undefined}
          value={editing ?? state.baseText}
          disabled={active !== undefined && ownText === null}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={6}
          maxRows={16}
        />
        <Group gap="xs" mt="xs" aria-live="polite">
          {counters}
        </Group>
        <IssueList items={issues} role="alert" color="#b02525" testId="api-issues" />
        <IssueList items={warnings} role="status" color="#8a5a00" testId="api-warnings" />
        {campaign && (campaign.keyMessages.length > 0 || campaign.hashtags.length > 0) && (
          <div>
            <Text size="sm" fw={600} mt="sm">
              {t('text.inserts', { campaign: campaign.name })}
            </Text>
            <Group gap={6} mt={4}>
              {campaign.keyMessages.map((message) => (
                <Button
                  key={message}
                  size="compact-sm"
                  variant="light"
                  h="auto"
                  py={4}
                  styles={WRAPPING_LABEL}
                  onClick={() => insert(message)}
                  disabled={active !== undefined && ownText === null}
                >
                  {message}
                </Button>
              ))}
              {campaign.hashtags.map((tag) => {
                const hashtag = tag.startsWith('#') ? tag : `#${tag}`;
                return (
                  <Button
                    key={tag}
                    size="compact-sm"
                    variant="outline"
                    onClick={() => insert(hashtag)}
                    disabled={active !== undefined && ownText === null}
                  >
                    {hashtag}
                  </Button>
                );
              })}
            </Group>
          </div>
        )}
      </Tabs.Panel>
    </Tabs>
  );
}

/** The API's issues (blocking, announced as an alert) or warnings (a status), one line each. */
function IssueList({
  items,
  role,
  color,
  testId,
}: {
  items: Issue[];
  role: 'alert' | 'status';
  color: string;
  testId: string;
}) {
  if (items.length === 0) return null;
  return (
    <div role={role} data-testid={testId}>
      <List mt="xs" size="sm" c={color}>
        {items.map((item, index) => (
          <List.Item key={`${item.code}-${index}`}>{item.message}</List.Item>
        ))}
      </List>
    </div>
  );
}
