import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

export type Partnership = components['schemas']['Partnership'];
export type CampaignWithPartners = components['schemas']['Campaign'];
export type PendingDeliveries = components['schemas']['PendingDeliveries'];

const partnersKey = (workspace: string) => ['partners', workspace];

/** Joint campaigns this workspace is invited to or part of. */
export const usePartnerships = (workspace: string) =>
  useQuery({
    queryKey: [...partnersKey(workspace), 'partnerships'],
    queryFn: () =>
      call<Partnership[]>(api.GET('/workspaces/{workspace}/partnerships', { params: { path: { workspace } } })),
  });

/** This workspace's own campaigns, each with the workspaces it invited. */
export const useOwnCampaigns = (workspace: string) =>
  useQuery({
    queryKey: [...partnersKey(workspace), 'campaigns'],
    queryFn: async () => {
      const { campaigns } = await call<{ campaigns: CampaignWithPartners[] }>(
        api.GET('/workspaces/{workspace}/campaigns', {
          params: { path: { workspace }, query: { include: 'active', limit: 200 } },
        }),
      );
      return campaigns.filter((c) => c.relation === 'owner');
    },
  });

/** What leaving would cancel, as the API lists it (never guessed here). */
export const useLeavePreview = (workspace: string, partnershipId: string) =>
  useQuery({
    queryKey: [...partnersKey(workspace), 'leave', partnershipId],
    queryFn: () =>
      call<PendingDeliveries>(
        api.GET('/workspaces/{workspace}/partnerships/{partnershipId}/pending-deliveries', {
          params: { path: { workspace, partnershipId } },
        }),
      ),
    staleTime: 0,
  });

export function usePartnerActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => {
    void client.invalidateQueries({ queryKey: partnersKey(workspace) });
    void client.invalidateQueries({ queryKey: ['campaigns', workspace] });
    void client.invalidateQueries({ queryKey: ['calendar'] });
  };
  const path = (partnershipId: string) => ({ params: { path: { workspace, partnershipId } } });
  return {
    invite: useMutation({
      mutationFn: ({ campaignId, partner }: { campaignId: string; partner: string }) =>
        call<unknown>(
          api.POST('/workspaces/{workspace}/campaigns/{campaignId}/partners', {
            params: { path: { workspace, campaignId } },
            body: { workspace: partner },
          }),
        ),
      onSuccess: settle,
    }),
    accept: useMutation({
      mutationFn: (id: string) =>
        call<unknown>(api.POST('/workspaces/{workspace}/partnerships/{partnershipId}/accept', path(id))),
      onSettled: settle,
    }),
    decline: useMutation({
      mutationFn: (id: string) =>
        call<unknown>(api.POST('/workspaces/{workspace}/partnerships/{partnershipId}/decline', path(id))),
      onSettled: settle,
    }),
    leave: useMutation({
      mutationFn: (id: string) =>
        call<{ cancelledDeliveries: number }>(
          api.POST('/workspaces/{workspace}/partnerships/{partnershipId}/leave', path(id)),
        ),
      onSuccess: settle,
    }),
  };
}
