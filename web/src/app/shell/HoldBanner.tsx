import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { campaignsQuery, heldCampaigns } from '../../api/campaigns';
import type { CampaignHold } from '../../api/types';
import { workspaceQuery } from '../../api/workspace';
import { useFormatInstant } from '../zone';
import { useCampaignHoldsInView } from '../holds';

/** How often the banner asks again, so a hold someone else placed shows without a reload. */
const REFRESH_MS = 60_000;

/**
 * Red, on every page, while the workspace or any of its campaigns is held: nothing of it publishes.
 * The banner asks the API itself (the workspace and its campaigns); a page may add holds it shows
 * that are not the workspace's own list (a partner's campaign on the calendar).
 */
export function HoldBanner({ workspace }: { workspace: string }) {
  const { t } = useTranslation('shell');
  const settings = useQuery({ ...workspaceQuery(workspace), refetchInterval: REFRESH_MS }).data;
  const listed = useQuery({ ...campaignsQuery(workspace), refetchInterval: REFRESH_MS }).data?.campaigns;
  const inView = useCampaignHoldsInView();
  const campaigns = [
    ...new Map<string, CampaignHold>([...heldCampaigns(listed ?? []), ...inView].map((c) => [c.id, c])).values(),
  ];
  const format = useFormatInstant();
  const lines: string[] = [];
  if (settings?.heldAt) {
    lines.push(
      t('hold.workspace', { reason: settings.holdReason ?? t('hold.noReason') }) +
        (settings.holdResumeAt ? ` ${t('hold.resumes', { at: format(settings.holdResumeAt) })}` : ''),
    );
  }
  for (const campaign of campaigns) {
    lines.push(
      t('hold.campaign', { name: campaign.name, reason: campaign.holdReason ?? t('hold.noReason') }) +
        (campaign.holdResumeAt ? ` ${t('hold.resumes', { at: format(campaign.holdResumeAt) })}` : ''),
    );
  }
  if (lines.length === 0) return null;
  return (
    <Alert variant="filled" color="red.8" radius={0} title={t('hold.title')} data-testid="hold-banner" role="alert">
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
