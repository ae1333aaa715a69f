import { heldCampaigns, useCampaigns } from '../api/campaigns';
import { useReportCampaignHolds } from '../app/holds';

/**
 * Puts every held campaign of the workspace on the shell's red banner while the page is shown: a
 * held campaign concerns whoever writes, reviews or follows a post, not only its own page.
 */
export function useHeldCampaignsBanner(workspace: string): void {
  const campaigns = useCampaigns(workspace).data?.campaigns ?? [];
  useReportCampaignHolds(heldCampaigns(campaigns));
}
