import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';

export type AuditEvent = components['schemas']['AuditEvent'];
/** What an entry is about: the API's audit writer's closed list. */
export type AuditSubject = components['schemas']['AuditSubject'];
type AuditPage = components['schemas']['AuditPage'];

export interface AuditFilters {
  actorId?: string;
  /** An action or a family of actions (`post.*`). */
  action?: string;
  from?: string;
  to?: string;
}

const PAGE = 50;

/** The audit log, newest first, a keyset page at a time (`?before=` the last id seen). */
export const useAuditLog = (workspace: string, filters: AuditFilters) =>
  useInfiniteQuery({
    queryKey: ['audit', workspace, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<AuditPage>(
        api.GET('/workspaces/{workspace}/audit', {
          params: { path: { workspace }, query: { ...filters, limit: PAGE, before: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
