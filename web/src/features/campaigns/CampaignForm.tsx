import { Button, ColorInput, Group, Modal, NativeSelect, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveCampaign } from '../../api/campaigns';
import type { Campaign, CampaignInput, LatePolicy } from '../../api/post-types';
import { INDONESIAN_ZONES, zoneLabel } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  workspace: string;
  campaign?: Campaign;
  defaultZone: string;
  opened: boolean;
  onClose: () => void;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
const tags = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);

/** Create or edit a campaign: goal, key messages, hashtags, colour, zone and late policy. */
export function CampaignForm({ workspace, campaign, defaultZone, opened, onClose }: Props) {
  const { t } = useTranslation('campaigns');
  const save = useSaveCampaign(workspace);
  const [name, setName] = useState(campaign?.name ?? '');
  const [goal, setGoal] = useState(campaign?.goal ?? '');
  const [messages, setMessages] = useState(campaign?.keyMessages.join('\n') ?? '');
  const [hashtags, setHashtags] = useState(campaign?.hashtags.join(' ') ?? '');
  const [color, setColor] = useState(campaign?.color ?? '#c0392b');
  const [timeZone, setTimeZone] = useState(campaign?.timeZone ?? defaultZone);
  const [latePolicy, setLatePolicy] = useState<LatePolicy>(campaign?.latePolicy ?? 'EXPIRE');
  const [grace, setGrace] = useState<number>(campaign?.lateGraceMinutes ?? 30);
  const zones = [...new Set([...Object.values(INDONESIAN_ZONES), timeZone])];

  const submit = () => {
    const input: CampaignInput = {
      name: name.trim(),
      goal: goal.trim() || null,
      keyMessages: lines(messages),
      hashtags: tags(hashtags),
      color,
      timeZone,
      latePolicy,
      lateGraceMinutes: grace,
    };
    save.mutate({ campaignId: campaign?.id, input }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={campaign ? t('form.editTitle') : t('form.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        <TextInput label={t('form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <Textarea
          label={t('form.goal')}
          value={goal}
          onChange={(e) => setGoal(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Textarea
          label={t('form.keyMessages')}
          description={t('form.keyMessagesHint')}
          value={messages}
          onChange={(e) => setMessages(e.currentTarget.value)}
          autosize
          minRows={3}
        />
        <TextInput
          label={t('form.hashtags')}
          description={t('form.hashtagsHint')}
          value={hashtags}
          onChange={(e) => setHashtags(e.currentTarget.value)}
        />
        <Group grow align="flex-start" wrap="wrap">
          <ColorInput
            label={t('form.color')}
            value={color}
            onChange={setColor}
            format="hex"
            miw={160}
            // The eye dropper is an icon button: without a name a screen reader announces just "button".
            eyeDropperButtonProps={{ 'aria-label': t('form.eyeDropper'), title: t('form.eyeDropper') }}
          />
          <NativeSelect
            label={t('form.zone')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            data={zones.map((z) => ({ value: z, label: `${zoneLabel(z)} (${z})` }))}
            miw={160}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('form.latePolicy')}
            value={latePolicy}
            onChange={(e) => setLatePolicy(e.currentTarget.value as LatePolicy)}
            data={[
              { value: 'EXPIRE', label: t('policy.EXPIRE') },
              { value: 'PUBLISH_LATE', label: t('policy.PUBLISH_LATE') },
            ]}
            miw={200}
          />
          <NumberInput
            label={t('form.grace')}
            value={grace}
            onChange={(v) => setGrace(typeof v === 'number' ? v : 0)}
            min={0}
            max={10080}
            disabled={latePolicy === 'EXPIRE'}
            miw={160}
          />
        </Group>
        <ErrorAlert error={save.error} />
        <Button onClick={submit} loading={save.isPending} disabled={!name.trim()}>
          {t('form.save')}
        </Button>
      </Stack>
    </Modal>
  );
}
