import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { Campaign, CampaignInput } from './post-types';
import type { components } from './schema';
import type { CampaignHold } from './types';

export const campaignsQuery = (workspace: string) =>
  queryOptions({
    queryKey: ['campaigns', workspace, 'list'],
    queryFn: () =>
      call<{ campaigns: Campaign[] }>(
        api.GET('/workspaces/{workspace}/campaigns', {
          params: { path: { workspace }, query: { include: 'active', limit: 200 } },
        }),
      ),
  });

export const useCampaigns = (workspace: string) => useQuery(campaignsQuery(workspace));

export const useCampaign = (workspace: string, campaignId: string | undefined) =>
  useQuery({
    queryKey: ['campaigns', workspace, 'one', campaignId],
    queryFn: () =>
      call<Campaign>(
        api.GET('/workspaces/{workspace}/campaigns/{campaignId}', {
          params: { path: { workspace, campaignId: campaignId! } },
        }),
      ),
    enabled: Boolean(campaignId),
  });

/** Creates a campaign, or edits one when `campaignId` is given. */
export function useSaveCampaign(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ campaignId, input }: { campaignId?: string; input: CampaignInput }) =>
      campaignId
        ? call<Campaign>(
            api.PATCH('/workspaces/{workspace}/campaigns/{campaignId}', {
              params: { path: { workspace, campaignId } },
              body: input,
            }),
          )
        : call<Campaign>(
            api.POST('/workspaces/{workspace}/campaigns', { params: { path: { workspace } }, body: input }),
          ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['campaigns', workspace] }),
  });
}

export type HoldScope = { campaignId: string } | { workspace: true };

/** The crisis button and its release: a campaign (COORDINATOR) or the whole workspace (ADMIN). */
export function useHold(workspace: string) {
  const client = useQueryClient();
  const settle = () => {
    void client.invalidateQueries({ queryKey: ['campaigns', workspace] });
    void client.invalidateQueries({ queryKey: ['workspace', workspace] });
    void client.invalidateQueries({ queryKey: ['calendar'] });
    void client.invalidateQueries({ queryKey: ['posts', workspace] });
  };
  const hold = useMutation({
    mutationFn: ({ scope, reason, resumeAt }: { scope: HoldScope; reason: string; resumeAt?: string }) =>
      call<unknown>(
        'campaignId' in scope
          ? api.POST('/workspaces/{workspace}/campaigns/{campaignId}/hold', {
              params: { path: { workspace, campaignId: scope.campaignId } },
              body: { reason, resumeAt },
            })
          : api.POST('/workspaces/{workspace}/hold', { params: { path: { workspace } }, body: { reason, resumeAt } }),
      ),
    onSettled: settle,
  });
  const resume = useMutation({
    mutationFn: ({ scope }: { scope: HoldScope }) =>
      call<unknown>(
        'campaignId' in scope
          ? api.POST('/workspaces/{workspace}/campaigns/{campaignId}/resume', {
              params: { path: { workspace, campaignId: scope.campaignId } },
            })
          : api.POST('/workspaces/{workspace}/resume', { params: { path: { workspace } } }),
      ),
    onSettled: settle,
  });
  return { hold, resume };
}

export type ResumePreview = components['schemas']['ResumePreview'];

/** The API's dry run of a resume: which held deliveries would publish late and which would expire now. */
export const useResumePreview = (workspace: string, scope: HoldScope, enabled: boolean) =>
  useQuery({
    queryKey: ['resume-preview', workspace, 'campaignId' in scope ? scope.campaignId : 'workspace'],
    queryFn: () =>
      call<ResumePreview>(
        'campaignId' in scope
          ? api.GET('/workspaces/{workspace}/campaigns/{campaignId}/resume-preview', {
              params: { path: { workspace, campaignId: scope.campaignId } },
            })
          : api.GET('/workspaces/{workspace}/resume-preview', { params: { path: { workspace } } }),
      ),
    enabled,
    // Lateness grows by the minute: ask again each time the dialog opens.
    staleTime: 0,
    gcTime: 0,
  });

/** The held ones among `campaigns`, as the shell's red banner takes them. */
export const heldCampaigns = (campaigns: Campaign[]): CampaignHold[] =>
  campaigns.flatMap((c) =>
    c.heldAt
      ? [{ id: c.id, name: c.name, heldAt: c.heldAt, holdReason: c.holdReason, holdResumeAt: c.holdResumeAt }]
      : [],
  );
