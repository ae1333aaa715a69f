import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../api/workspace';
import { useFormatInstant } from '../zone';
import { useCampaignHoldsInView } from '../holds';

/** Red, on every page, while the workspace or a campaign in view is held: nothing of it publishes. */
export function HoldBanner({ workspace }: { workspace: string }) {
  const { t } = useTranslation('shell');
  const settings = useWorkspace(workspace).data;
  const campaigns = useCampaignHoldsInView();
  const format = useFormatInstant();
  const lines: string[] = [];
  if (settings?.heldAt) {
    lines.push(t('hold.workspace', { reason: settings.holdReason ?? t('hold.noReason') }) +
      (settings.holdResumeAt ? ` ${t('hold.resumes', { at: format(settings.holdResumeAt) })}` : ''));
  }
  for (const campaign of campaigns) {
    lines.push(t('hold.campaign', { name: campaign.name, reason: campaign.holdReason ?? t('hold.noReason') }) +
      (campaign.holdResumeAt ? ` ${t('hold.resumes', { at: format(campaign.holdResumeAt) })}` : ''));
  }
  if (lines.length === 0) return null;
  return (
    <Alert variant="filled" color="red.8" radius={0} title={t('hold.title')} data-testid="hold-banner" role="alert">
      {lines.map((line) => (
        <Text key={line} size="sm">{line}</Text>
      ))}
    </Alert>
  );
}
