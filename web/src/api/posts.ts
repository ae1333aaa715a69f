import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { DraftCheck, FreeSlot, Post, PostDraft, PostVersion, ReviewComment, TargetIssues } from './post-types';
import type { EditorialStatus } from './types';

const path = (workspace: string) => ({ path: { workspace } });
const postPath = (workspace: string, postId: string) => ({ path: { workspace, postId } });

export const postQuery = (workspace: string, postId: string) =>
  queryOptions({
    queryKey: ['post', workspace, postId],
    queryFn: () =>
      call<Post>(api.GET('/workspaces/{workspace}/posts/{postId}', { params: postPath(workspace, postId) })),
  });

export const usePost = (workspace: string, postId: string | undefined) =>
  useQuery({ ...postQuery(workspace, postId ?? ''), enabled: Boolean(postId) });

export interface PostFilter {
  status?: EditorialStatus;
  campaignId?: string;
  authorId?: string;
}

export const usePosts = (workspace: string, filter: PostFilter, enabled = true) =>
  useQuery({
    queryKey: ['posts', workspace, filter],
    queryFn: () =>
      call<{ posts: Post[] }>(
        api.GET('/workspaces/{workspace}/posts', { params: { ...path(workspace), query: { ...filter, limit: 200 } } }),
      ),
    enabled,
  });

/** The request body: `publishNow` is sent only when chosen (a time and publish-now are exclusive). */
function body(draft: PostDraft) {
  const { publishNow, ...rest } = draft;
  return publishNow ? { ...rest, schedule: null, publishNow: true } : rest;
}

/** Issues per target of a stored post, in the shape the dry run answers. */
export const issuesOf = (post: Post): TargetIssues[] =>
  post.targets.map((target, index) => ({
    index,
    accountId: target.accountId,
    accountName: target.accountName,
    platform: target.platform,
    issues: target.issues,
    warnings: target.warnings,
  }));

/** Asks the API's dry run about a draft: every check the real route runs, nothing written. */
export function checkDraft(workspace: string, postId: string | undefined, draft: PostDraft): Promise<DraftCheck> {
  return postId
    ? call<DraftCheck>(
        api.POST('/workspaces/{workspace}/posts/{postId}/check', {
          params: postPath(workspace, postId),
          body: body(draft) as never,
        }),
      )
    : call<DraftCheck>(
        api.POST('/workspaces/{workspace}/posts/check', { params: path(workspace), body: body(draft) as never }),
      );
}

/** Stores the draft: creates it, or edits the stored post (a new version). */
export function useSaveDraft(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ postId, draft }: { postId?: string; draft: PostDraft }) =>
      postId
        ? call<Post>(
            api.PATCH('/workspaces/{workspace}/posts/{postId}', {
              params: postPath(workspace, postId),
              body: body(draft) as never,
            }),
          )
        : call<Post>(
            api.POST('/workspaces/{workspace}/posts', { params: path(workspace), body: body(draft) as never }),
          ),
    onSuccess: (post) => {
      client.setQueryData(postQuery(workspace, post.id).queryKey, post);
      void client.invalidateQueries({ queryKey: ['post-versions', workspace, post.id] });
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

type ReviewAction = 'submit' | 'approve' | 'request-changes' | 'withdraw' | 'cancel';

/** Submit, approve (with the version read), request changes (with a comment), withdraw, cancel. */
export function useReviewAction(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      postId,
      action,
      version,
      comment,
    }: {
      postId: string;
      action: ReviewAction;
      version?: number;
      comment?: string;
    }) =>
      call<Post>(
        action === 'approve'
          ? api.POST('/workspaces/{workspace}/posts/{postId}/approve', {
              params: postPath(workspace, postId),
              body: { version: version! },
            })
          : action === 'request-changes'
            ? api.POST('/workspaces/{workspace}/posts/{postId}/request-changes', {
                params: postPath(workspace, postId),
                body: { body: comment! },
              })
            : api.POST(`/workspaces/{workspace}/posts/{postId}/${action}`, { params: postPath(workspace, postId) }),
      ),
    onSuccess: (post) => {
      client.setQueryData(postQuery(workspace, post.id).queryKey, post);
      void client.invalidateQueries({ queryKey: ['posts', workspace] });
      void client.invalidateQueries({ queryKey: ['comments', workspace, post.id] });
      void client.invalidateQueries({ queryKey: ['post-versions', workspace, post.id] });
      void client.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
}

/** Every kept version of a post, oldest first. */
export const usePostVersions = (workspace: string, postId: string, enabled = true) =>
  useQuery({
    queryKey: ['post-versions', workspace, postId],
    queryFn: async () =>
      (
        await call<{ versions: PostVersion[] }>(
          api.GET('/workspaces/{workspace}/posts/{postId}/versions', { params: postPath(workspace, postId) }),
        )
      ).versions,
    enabled,
  });

export const useComments = (workspace: string, postId: string) =>
  useQuery({
    queryKey: ['comments', workspace, postId],
    queryFn: () =>
      call<ReviewComment[]>(
        api.GET('/workspaces/{workspace}/posts/{postId}/comments', { params: postPath(workspace, postId) }),
      ),
  });

export function useAddComment(workspace: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (text: string) =>
      call<ReviewComment>(
        api.POST('/workspaces/{workspace}/posts/{postId}/comments', {
          params: postPath(workspace, postId),
          body: { body: text },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['comments', workspace, postId] }),
  });
}

export type TargetAction = 'retry' | 'publish-again' | 'confirm-published';

/** The human actions on a delivery the engine could not finish. */
export function useTargetAction(workspace: string, postId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ targetId, action, url }: { targetId: string; action: TargetAction; url?: string }) =>
      call<unknown>(
        action === 'confirm-published'
          ? api.POST('/workspaces/{workspace}/targets/{targetId}/confirm-published', {
              params: { path: { workspace, targetId } },
              body: { url: url! },
            })
          : api.POST(`/workspaces/{workspace}/targets/{targetId}/${action}`, {
              params: { path: { workspace, targetId } },
            }),
      ),
    onSettled: () => client.invalidateQueries({ queryKey: ['post', workspace, postId] }),
  });
}

/** An account's next free posting slots after now, written out in `zone`. */
export async function nextFreeSlots(workspace: string, accountId: string, zone: string): Promise<FreeSlot[]> {
  const answer = await call<{ slots: FreeSlot[] }>(
    api.GET('/workspaces/{workspace}/accounts/{accountId}/next-slot', {
      params: { path: { workspace, accountId }, query: { zone, count: 3 } },
    }),
  );
  return answer.slots;
}
