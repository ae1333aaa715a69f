import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { CampaignHold } from '../api/types';

interface HoldsInView {
  campaigns: CampaignHold[];
  report: (campaigns: CampaignHold[]) => void;
}

const HoldsContext = createContext<HoldsInView>({ campaigns: [], report: () => undefined });

/** Campaign holds the current page shows (the shell's banner adds the workspace's own hold). */
export function HoldsProvider({ children }: { children: ReactNode }) {
  const [campaigns, report] = useState<CampaignHold[]>([]);
  return <HoldsContext.Provider value={{ campaigns, report }}>{children}</HoldsContext.Provider>;
}

export const useCampaignHoldsInView = () => useContext(HoldsContext).campaigns;

/** A page reports the held campaigns it has in view; they leave the banner when it unmounts. */
export function useReportCampaignHolds(campaigns: CampaignHold[] | undefined): void {
  const { report } = useContext(HoldsContext);
  const key = (campaigns ?? []).map((c) => c.id).join(',');
  useEffect(() => {
    report(campaigns ?? []);
    return () => report([]);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the ids decide, not the array identity
  }, [key, report]);
}
