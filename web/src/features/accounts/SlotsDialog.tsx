import { ActionIcon, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateSlots, type Account, type PostingSlot } from '../../api/accounts';
import { Dialog } from '../../ui/Dialog';
import { ErrorAlert } from '../../ui/ErrorAlert';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
const ordered = (slots: PostingSlot[]) =>
  [...slots].sort((a, b) => a.weekday - b.weekday || a.time.localeCompare(b.time));

/** "Sen 09:00, Rab 12:00" or "none yet", in the page's language. */
export const slotsSummary = (slots: PostingSlot[], t: TFunction<'accounts'>) =>
  slots.length === 0
    ? t('slots.none')
    : ordered(slots)
        .map((s) => `${t(`weekdays.${s.weekday}`)} ${s.time}`)
        .join(', ');

/** The account's weekly posting slots, in the workspace's zone: add, change, remove, save. */
export function SlotsDialog({
  workspace,
  account,
  onClose,
}: {
  workspace: string;
  account: Account;
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const update = useUpdateSlots(workspace);
  const [slots, setSlots] = useState<PostingSlot[]>(ordered(account.postingSlots ?? []));
  const change = (index: number, slot: Partial<PostingSlot>) =>
    setSlots((all) => all.map((s, i) => (i === index ? { ...s, ...slot } : s)));
  const save = () => update.mutate({ accountId: account.id, postingSlots: slots }, { onSuccess: onClose });
  return (
    <Dialog closeLabel={t('close')} onClose={onClose} title={t('slots.title', { name: account.displayName })}>
      <Stack gap="sm">
        <Text size="sm">{t('slots.explain')}</Text>
        {slots.map((slot, index) => (
          <Group key={index} gap="xs" align="end" wrap="nowrap">
            <NativeSelect
              label={t('slots.weekday')}
              value={String(slot.weekday)}
              onChange={(e) => change(index, { weekday: Number(e.currentTarget.value) })}
              data={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekdaysLong.${d}`) }))}
              style={{ flex: 1 }}
            />
            <TextInput
              type="time"
              label={t('slots.time')}
              value={slot.time}
              onChange={(e) => change(index, { time: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="default"
              size="input-sm"
              aria-label={t('slots.remove', { slot: `${t(`weekdaysLong.${slot.weekday}`)} ${slot.time}` })}
              onClick={() => setSlots((all) => all.filter((_, i) => i !== index))}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button variant="default" onClick={() => setSlots((all) => [...all, { weekday: 1, time: '09:00' }])}>
          {t('slots.add')}
        </Button>
        <ErrorAlert error={update.error} />
        <Button size="md" loading={update.isPending} onClick={save}>
          {t('slots.save')}
        </Button>
      </Stack>
    </Dialog>
  );
}
