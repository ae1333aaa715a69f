import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { rememberOAuthWorkspace } from './oauth-return';
import { untypedRequest } from './untyped-request';
import type { components } from './schema';

export type AccountStatus = components['schemas']['AccountStatus'];
export interface PostingSlot {
  weekday: number;
  time: string;
}

/** A connected account as GET /workspaces/{workspace}/accounts shows it (never credentials). */
export interface Account {
  id: string;
  platform: string;
  displayName: string;
  handle: string | null;
  baseUrl: string | null;
  status: AccountStatus;
  statusReason: string | null;
  tokenExpiresAt: string | null;
  lastCheckedAt: string | null;
  postingSlots: PostingSlot[] | null;
  hasCredentials: boolean;
  disconnectedAt: string | null;
}

export interface PendingDelivery {
  targetId: string;
  postId: string;
  state: string;
  scheduledAt: string | null;
  title: string | null;
  excerpt: string;
}

/** The credential form of one platform: `platform` plus its fields (see the API's credentialsFormSchema). */
export type CredentialsForm = { platform: string } & Record<string, unknown>;

const accountsKey = (workspace: string) => ['accounts', workspace];

/** The workspace's accounts: the connected ones, or (`all`) the disconnected ones too. */
export const useAccounts = (workspace: string, include: 'connected' | 'all' = 'connected') =>
  useQuery({
    queryKey: [...accountsKey(workspace), 'list', include],
    queryFn: () =>
      call<{ accounts: Account[] }>(
        api.GET('/workspaces/{workspace}/accounts', {
          params: { path: { workspace }, query: { include } },
        }),
      ),
  });

export const usePendingDeliveries = (workspace: string, accountId: string, enabled: boolean) =>
  useQuery({
    queryKey: [...accountsKey(workspace), accountId, 'pending'],
    queryFn: () =>
      call<{ deliveries: PendingDelivery[] }>(
        untypedRequest('GET', `/workspaces/${workspace}/accounts/${accountId}/pending-deliveries`),
      ),
    enabled,
    staleTime: 0,
  });

/** Connect (no accountId) or reconnect (accountId) with a credential form; the answer may carry a webhook's secret, shown once. */
export function useConnectAccount(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, form }: { accountId?: string; form: CredentialsForm }) =>
      accountId
        ? call<Account & { secret?: string }>(
            untypedRequest('POST', `/workspaces/${workspace}/accounts/${accountId}/reconnect`, form),
          )
        : call<Account & { secret?: string }>(untypedRequest('POST', `/workspaces/${workspace}/accounts`, form)),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey(workspace) }),
  });
}

export function useUpdateSlots(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ accountId, postingSlots }: { accountId: string; postingSlots: PostingSlot[] }) =>
      call<Account>(
        api.PATCH('/workspaces/{workspace}/accounts/{accountId}', {
          params: { path: { workspace, accountId } },
          body: { postingSlots } as never,
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: accountsKey(workspace) }),
  });
}

export function useDisconnectAccount(workspace: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (accountId: string) =>
      call<Account & { cancelledDeliveries: number }>(
        untypedRequest('POST', `/workspaces/${workspace}/accounts/${accountId}/disconnect`),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: accountsKey(workspace) });
      void client.invalidateQueries({ queryKey: ['calendar'] });
      void client.invalidateQueries({ queryKey: ['posts', workspace] });
    },
  });
}

/** Starts an OAuth connection: the API answers the platform's approval address, the browser goes there. */
export const useStartOAuth = (workspace: string) =>
  useMutation({
    mutationFn: ({ platform, instanceUrl }: { platform: string; instanceUrl?: string }) =>
      call<components['schemas']['OAuthStart']>(
        api.POST('/workspaces/{workspace}/accounts/oauth/{platform}/start', {
          params: { path: { workspace, platform } },
          body: instanceUrl ? { instanceUrl } : {},
        }),
      ),
    onSuccess: ({ authorizeUrl }) => {
      rememberOAuthWorkspace(workspace);
      window.location.assign(authorizeUrl);
    },
  });

/** How one platform's accounts are connected: its credential form's fields, its OAuth flow (GET /platforms). */
export type ConnectMethod = components['schemas']['ConnectMethods']['platforms'][number];
export type CredentialField = NonNullable<ConnectMethod['form']>[number];

/** Every platform's connect method, as the API's platform folders declare them; they change only with a release. */
export const useConnectMethods = () =>
  useQuery({
    queryKey: ['platforms'],
    queryFn: () => call<components['schemas']['ConnectMethods']>(api.GET('/platforms')),
    select: (data) => data.platforms,
    staleTime: Infinity,
  });

export type RateBudget = components['schemas']['RateBudgetList']['budgets'][number];

/** The rate budget left on each account whose platform has one, as the publishing engine counts it. */
export const useRateBudgets = (workspace: string) =>
  useQuery({
    queryKey: [...accountsKey(workspace), 'rate-budgets'],
    queryFn: () =>
      call<{ budgets: RateBudget[] }>(
        api.GET('/workspaces/{workspace}/accounts/rate-budgets', { params: { path: { workspace } } }),
      ),
    refetchInterval: 60_000,
  });
