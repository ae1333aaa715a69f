import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { WorkspaceSettings } from './types';

export const workspaceQuery = (workspace: string) =>
  queryOptions({
    queryKey: ['workspace', workspace],
    queryFn: () => call<WorkspaceSettings>(api.GET('/workspaces/{workspace}', { params: { path: { workspace } } })),
  });

export const useWorkspace = (workspace: string) => useQuery(workspaceQuery(workspace));
