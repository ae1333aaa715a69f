import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { Role } from './types';

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  since: string;
}
export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  mailed?: boolean;
  inviteUrl?: string;
}

const key = (workspace: string) => ['people', workspace];

export const useMembers = (workspace: string) =>
  useQuery({
    queryKey: [...key(workspace), 'members'],
    queryFn: () => call<Member[]>(api.GET('/workspaces/{workspace}/members', { params: { path: { workspace } } })),
  });

/** People management: invite (the one-time link comes back when no mail is configured), change a role, remove. */
export function usePeopleActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: key(workspace) });
  return {
    invite: useMutation({
      mutationFn: (input: { email: string; role: Role }) =>
        call<Invitation>(
          api.POST('/workspaces/{workspace}/invitations', { params: { path: { workspace } }, body: input as never }),
        ),
      onSuccess: settle,
    }),
    changeRole: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
        call<unknown>(
          api.PATCH('/workspaces/{workspace}/members/{memberId}', {
            params: { path: { workspace, memberId: userId } },
            body: { role } as never,
          }),
        ),
      onSettled: settle,
    }),
    remove: useMutation({
      mutationFn: (userId: string) =>
        call<unknown>(
          api.DELETE('/workspaces/{workspace}/members/{memberId}', {
            params: { path: { workspace, memberId: userId } },
          }),
        ),
      onSettled: settle,
    }),
  };
}
