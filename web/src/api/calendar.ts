import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type {
  AccountSummary,
  CalendarPost,
  CalendarView,
  CampaignSummary,
  EditorialStatus,
  Member,
  Platform,
} from './types';

export interface CalendarFilters {
  campaignId?: string;
  accountId?: string;
  platform?: Platform;
  status?: EditorialStatus;
  authorId?: string;
}

export interface CalendarWindow extends CalendarFilters {
  workspace: string;
  /** Instants with offset: the visible range of the calendar. */
  from: string;
  to: string;
  zone: string;
}

const PAGE = 500;

/** Every post in the window (keyset pages of 500 followed to the end), holidays, key dates and holds. */
async function fetchCalendar({ workspace, ...query }: CalendarWindow): Promise<CalendarView> {
  const first = await call<CalendarView>(
    api.GET('/workspaces/{workspace}/calendar', { params: { path: { workspace }, query: { ...query, limit: PAGE } } }),
  );
  let page = first;
  const posts = [...first.posts];
  while (page.nextAfter) {
    page = await call<CalendarView>(
      api.GET('/workspaces/{workspace}/calendar', {
        params: { path: { workspace }, query: { ...query, limit: PAGE, after: page.nextAfter } },
      }),
    );
    posts.push(...page.posts);
  }
  return { ...first, posts, nextAfter: null };
}

export const calendarQuery = (window: CalendarWindow) =>
  queryOptions({
    queryKey: ['calendar', window],
    queryFn: () => fetchCalendar(window),
    placeholderData: keepPreviousData,
  });

export const useCalendar = (window: CalendarWindow | undefined) =>
  useQuery({ ...calendarQuery(window!), enabled: window !== undefined });

/** The choices of the calendar's filters. */
export function useCalendarChoices(workspace: string) {
  const path = { params: { path: { workspace } } };
  const campaigns = useQuery({
    queryKey: ['campaigns', workspace, 'choices'],
    queryFn: () =>
      call<{ campaigns: CampaignSummary[] }>(
        api.GET('/workspaces/{workspace}/campaigns', { params: { path: { workspace }, query: { include: 'all' } } }),
      ),
    staleTime: 5 * 60_000,
  });
  const accounts = useQuery({
    queryKey: ['accounts', workspace, 'choices'],
    queryFn: () => call<{ accounts: AccountSummary[] }>(api.GET('/workspaces/{workspace}/accounts', path)),
    staleTime: 5 * 60_000,
  });
  const members = useQuery({
    queryKey: ['members', workspace],
    queryFn: () => call<Member[]>(api.GET('/workspaces/{workspace}/members', path)),
    staleTime: 5 * 60_000,
  });
  return {
    campaigns: campaigns.data?.campaigns ?? [],
    accounts: accounts.data?.accounts ?? [],
    members: members.data ?? [],
  };
}

export interface Reschedule {
  workspace: string;
  post: CalendarPost;
  /** Wall-clock time `YYYY-MM-DDTHH:mm` in `zone`: the API resolves it (and refuses the past). */
  at: string;
  zone: string;
}

/** Moves an approved post in time (COORDINATOR); the calendar refetches afterwards. */
export function useReschedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ workspace, post, at, zone }: Reschedule) =>
      call<{ id: string; version: number }>(
        api.POST('/workspaces/{workspace}/posts/{postId}/reschedule', {
          params: { path: { workspace, postId: post.id } },
          body: { schedule: { at, zone } },
        }),
      ),
    onSettled: (_answer, _error, { workspace }) =>
      client.invalidateQueries({
        queryKey: ['calendar'],
        predicate: (q) => (q.queryKey[1] as CalendarWindow | undefined)?.workspace === workspace,
      }),
  });
}
