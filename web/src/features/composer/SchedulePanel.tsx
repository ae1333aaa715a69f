import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextFreeSlots } from '../../api/posts';
import type { FreeSlot } from '../../api/post-types';
import type { AccountSummary } from '../../api/types';
import { INDONESIAN_ZONES, wallClock, zoneLabel } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { instantOf } from '../../ui/zoned-input';
import { timePassed, type ComposerState } from './composer-state';

interface Props {
  workspace: string;
  state: ComposerState;
  accounts: AccountSummary[];
  onChange: (change: Partial<ComposerState>) => void;
}

/** The time in a chosen zone (with the same instant in WIB, WITA and WIT), next free slots, publish now and "do not publish after". */
export function SchedulePanel({ workspace, state, accounts, onChange }: Props) {
  const { t, i18n } = useTranslation('composer');
  const [slots, setSlots] = useState<{ account: string; slots: FreeSlot[] } | undefined>();
  const [slotError, setSlotError] = useState<unknown>();
  const instant = state.at ? instantOf(state.at, state.zone) : undefined;
  const zones = [...new Set([...Object.values(INDONESIAN_ZONES), state.zone])];
  const chosen = accounts.filter((a) => state.accountIds.includes(a.id));
  const formatIn = (zone: string, at: Date) =>
    `${new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'id-ID', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at)} ${zoneLabel(zone)}`;
  const format = (zone: string) => (instant ? formatIn(zone, instant) : '');

  const askSlots = (account: AccountSummary) => {
    setSlotError(undefined);
    nextFreeSlots(workspace, account.id, state.zone).then(
      (found) => setSlots({ account: account.displayName, slots: found }),
      setSlotError,
    );
  };

  return (
    <Stack gap="xs">
      <Checkbox
        label={t('time.publishNow')}
        description={t('time.publishNowHint')}
        checked={state.publishNow}
        onChange={(event) => onChange({ publishNow: event.currentTarget.checked })}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <TextInput
          type="datetime-local"
          label={t('time.at')}
          value={state.at}
          disabled={state.publishNow}
          onChange={(event) => onChange({ at: event.currentTarget.value })}
          error={timePassed(state) ? t('time.passed') : undefined}
        />
        <NativeSelect
          label={t('time.zone')}
          value={state.zone}
          data={zones.map((zone) => ({ value: zone, label: `${zoneLabel(zone)} (${zone})` }))}
          onChange={(event) => onChange({ zone: event.currentTarget.value })}
        />
      </SimpleGrid>
      {instant && !state.publishNow && (
        <Text size="sm" data-testid="same-instant">
          {t('time.sameInstant')}: {Object.values(INDONESIAN_ZONES).map(format).join(' · ')}
        </Text>
      )}
      {chosen.length > 0 && (
        <Group gap={6}>
          <Text size="sm">{t('time.nextSlot')}:</Text>
          {chosen.map((account) => (
            <Button key={account.id} size="compact-sm" variant="light" onClick={() => askSlots(account)}>
              {account.displayName}
            </Button>
          ))}
        </Group>
      )}
      {slots && (
        <Group gap={6} aria-live="polite">
          {slots.slots.length === 0 ? (
            <Text size="sm">{t('time.noSlot', { account: slots.account })}</Text>
          ) : (
            slots.slots.map((slot) => (
              <Button
                key={slot.at}
                size="compact-sm"
                variant="outline"
                onClick={() => onChange({ at: wallClock(slot.at, state.zone), publishNow: false })}
              >
                {formatIn(state.zone, new Date(slot.at))}
              </Button>
            ))
          )}
        </Group>
      )}
      <ErrorAlert error={slotError} />
      <TextInput
        type="datetime-local"
        label={t('time.notAfter', { zone: zoneLabel(state.zone) })}
        description={t('time.notAfterHint')}
        value={state.notAfter}
        onChange={(event) => onChange({ notAfter: event.currentTarget.value })}
      />
    </Stack>
  );
}
