import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { Role } from './types';

export interface ApiToken { id: string; name: string; roleCap: Role; createdAt: string; lastUsedAt: string | null; expiresAt: string | null }
export interface SignedInSession { id: string; userAgent: string | null; ip: string | null; createdAt: string; lastSeenAt: string | null; expiresAt: string }

const tokensKey = (workspace: string) => ['api-tokens', workspace];

export const useApiTokens = (workspace: string) =>
  useQuery({ queryKey: tokensKey(workspace), queryFn: () => call<ApiToken[]>(api.GET('/workspaces/{workspace}/api-tokens', { params: { path: { workspace } } })) });

/** Personal API tokens: created (the secret comes back once) and revoked. */
export function useApiTokenActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: tokensKey(workspace) });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; roleCap: Role; expiresInDays?: number }) =>
        call<ApiToken & { token: string }>(api.POST('/workspaces/{workspace}/api-tokens', { params: { path: { workspace } }, body: input as never })),
      onSuccess: settle,
    }),
    revoke: useMutation({
      mutationFn: (tokenId: string) => call<unknown>(api.DELETE('/workspaces/{workspace}/api-tokens/{tokenId}', { params: { path: { workspace, tokenId } } })),
      onSettled: settle,
    }),
  };
}

export const useSessions = () => useQuery({ queryKey: ['sessions'], queryFn: () => call<SignedInSession[]>(api.GET('/auth/sessions')) });

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => call<unknown>(api.DELETE('/auth/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
}

/** The calendar subscription (iCal) URL: a new one (shown once; the old one stops) or none. */
export function useCalendarFeed(workspace: string) {
  return {
    regenerate: useMutation({ mutationFn: () => call<{ url: string }>(api.POST('/workspaces/{workspace}/calendar-feed', { params: { path: { workspace } } })) }),
    revoke: useMutation({ mutationFn: () => call<unknown>(api.DELETE('/workspaces/{workspace}/calendar-feed', { params: { path: { workspace } } })) }),
  };
}

export interface ProfileChanges { name?: string; locale?: 'id' | 'en'; timeZone?: string | null }

/** My language and zone (and name): every page reads them from `me`. */
export function useUpdateProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (changes: ProfileChanges) => call<unknown>(api.PATCH('/me', { body: changes })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['me'] }),
  });
}

/** Changing my password ends my other sessions and my personal API tokens (the API says so too). */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { currentPassword: string; newPassword: string }) => call<unknown>(api.POST('/auth/password', { body: input })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['sessions'] });
      void client.invalidateQueries({ queryKey: ['api-tokens'] });
    },
  });
}

export interface NotificationPreferences {
  kinds: Array<{ kind: string; inApp: true; email: boolean; ignoresQuietHours: boolean }>;
  emailKinds: string[];
  quietHours: { from: string; until: string } | null;
  /** The daily digest's hour (0-23, my zone); null: each e-mail at once. */
  digestHour: number | null;
}

const preferencesKey = ['notification-preferences'];

/** My notification choices: kinds by e-mail (the app's list always has all) and quiet hours, the same in every workspace. */
export const useNotificationPreferences = () =>
  useQuery({ queryKey: preferencesKey, queryFn: () => call<NotificationPreferences>(api.GET('/me/notification-preferences')) });

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choices: Pick<NotificationPreferences, 'emailKinds' | 'quietHours' | 'digestHour'>) =>
      call<NotificationPreferences>(api.PUT('/me/notification-preferences', { body: choices as never })),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  });
}
