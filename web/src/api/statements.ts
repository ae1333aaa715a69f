import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { Post } from './post-types';

const statementsKey = (workspace: string) => ['statements', workspace];

/** While something is on its way out (waiting to go, publishing), the list is read again every 2 s: the live progress. */
const IN_FLIGHT = ['SCHEDULED', 'PUBLISHING'];
export const statementInFlight = (post: Post) =>
  post.status === 'APPROVED' && post.targets.some((t) => IN_FLIGHT.includes(t.state));

/** Rapid-response statements, newest first, each with its targets' delivery states. */
export const useStatements = (workspace: string) =>
  useQuery({
    queryKey: statementsKey(workspace),
    queryFn: () =>
      call<{ posts: Post[] }>(
        api.GET('/workspaces/{workspace}/statements', { params: { path: { workspace }, query: { limit: 30 } } }),
      ),
    refetchInterval: (query) => (query.state.data?.posts.some(statementInFlight) ? 2000 : 15_000),
  });

export interface StatementDraft {
  title?: string | null;
  baseText: string;
  targets: Array<{ accountId: string }>;
}

export function useWriteStatement(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (draft: StatementDraft) =>
      call<Post>(api.POST('/workspaces/{workspace}/statements', { params: { path: { workspace } }, body: draft })),
    onSuccess: () => client.invalidateQueries({ queryKey: statementsKey(workspace) }),
  });
}

/** Releases the version shown (a statement edited since answers 409). */
export function useReleaseStatement(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, version }: { postId: string; version: number }) =>
      call<Post>(
        api.POST('/workspaces/{workspace}/statements/{postId}/release', {
          params: { path: { workspace, postId } },
          body: { version },
        }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: statementsKey(workspace) }),
  });
}
