import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { WorkspaceSettings } from './types';

export const workspaceQuery = (workspace: string) =>
  queryOptions({
    queryKey: ['workspace', workspace],
    queryFn: () => call<WorkspaceSettings>(api.GET('/workspaces/{workspace}', { params: { path: { workspace } } })),
  });

export const useWorkspace = (workspace: string) => useQuery(workspaceQuery(workspace));

export type WorkspaceChanges = Partial<
  Pick<WorkspaceSettings, 'name' | 'timeZone' | 'locale'> & {
    allowSelfApproval: boolean;
    openToPartnerInvitations: boolean;
    altTextPolicy: WorkspaceSettings['altTextPolicy'];
  }
>;

/** The admin's workspace settings; the signed-in user's memberships show the new name too. */
export function useUpdateWorkspace(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: WorkspaceChanges) =>
      call<WorkspaceSettings>(api.PATCH('/workspaces/{workspace}', { params: { path: { workspace } }, body: changes })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['workspace', workspace] });
      void client.invalidateQueries({ queryKey: ['me'] });
    },
  });
}
