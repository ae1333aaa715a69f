import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

export type MyNotification = components['schemas']['MyNotification'];
type Page = components['schemas']['MyNotificationPage'];

const key = (workspace: string) => ['notifications', workspace];

/** The bell's number: refetched when the tab regains focus and after every mark-read. */
export const useUnreadCount = (workspace: string) =>
  useQuery({
    queryKey: [...key(workspace), 'unread'],
    queryFn: () =>
      call<{ unread: number }>(
        api.GET('/workspaces/{workspace}/notifications/unread-count', { params: { path: { workspace } } }),
      ),
    staleTime: 10_000,
  });

/** The caller's own notifications, newest first, a page at a time (keyset: ?before=). */
export const useMyNotifications = (workspace: string, unread: boolean) =>
  useInfiniteQuery({
    queryKey: [...key(workspace), 'mine', unread],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<Page>(
        api.GET('/workspaces/{workspace}/notifications/mine', {
          params: { path: { workspace }, query: { unread: unread ? 'true' : 'false', before: pageParam, limit: 30 } },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export function useNotificationActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: key(workspace) });
  return {
    markRead: useMutation({
      mutationFn: (notificationId: string) =>
        call<unknown>(
          api.POST('/workspaces/{workspace}/notifications/{notificationId}/read', {
            params: { path: { workspace, notificationId } },
          }),
        ),
      onSettled: settle,
    }),
    markAllRead: useMutation({
      mutationFn: () =>
        call<{ marked: number }>(
          api.POST('/workspaces/{workspace}/notifications/read-all', { params: { path: { workspace } } }),
        ),
      onSettled: settle,
    }),
  };
}
