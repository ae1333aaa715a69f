import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import type { components } from './schema';
import type { Role } from './types';

export interface ApiToken {
  id: string;
  name: string;
  roleCap: Role;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
/** One of my sessions (GET /auth/sessions); `current` is the one this browser uses. */
export type SignedInSession = components['schemas']['Session'];

const tokensKey = (workspace: string) => ['api-tokens', workspace];

export const useApiTokens = (workspace: string) =>
  useQuery({
    queryKey: tokensKey(workspace),
    queryFn: () => call<ApiToken[]>(api.GET('/workspaces/{workspace}/api-tokens', { params: { path: { workspace } } })),
  });

/** Personal API tokens: created (the secret comes back once) and revoked. */
export function useApiTokenActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: tokensKey(workspace) });
  return {
    create: useMutation({
      mutationFn: (input: { name: string; roleCap: Role; expiresInDays?: number }) =>
        call<ApiToken & { token: string }>(
          api.POST('/workspaces/{workspace}/api-tokens', { params: { path: { workspace } }, body: input as never }),
        ),
      onSuccess: settle,
    }),
    revoke: useMutation({
      mutationFn: (tokenId: string) =>
        call<unknown>(
          api.DELETE('/workspaces/{workspace}/api-tokens/{tokenId}', { params: { path: { workspace, tokenId } } }),
        ),
      onSettled: settle,
    }),
  };
}

export const useSessions = () =>
  useQuery({ queryKey: ['sessions'], queryFn: () => call<SignedInSession[]>(api.GET('/auth/sessions')) });

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) =>
      call<unknown>(api.DELETE('/auth/sessions/{sessionId}', { params: { path: { sessionId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
}

/** The calendar subscription (iCal) URL: a new one (shown once; the old one stops) or none. */
export function useCalendarFeed(workspace: string) {
  return {
    regenerate: useMutation({
      mutationFn: () =>
        call<{ url: string }>(api.POST('/workspaces/{workspace}/calendar-feed', { params: { path: { workspace } } })),
    }),
    revoke: useMutation({
      mutationFn: () =>
        call<unknown>(api.DELETE('/workspaces/{workspace}/calendar-feed', { params: { path: { workspace } } })),
    }),
  };
}

export interface ProfileChanges {
  name?: string;
  locale?: 'id' | 'en';
  timeZone?: string | null;
}

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
    mutationFn: (input: { currentPassword: string; newPassword: string }) =>
      call<unknown>(api.POST('/auth/password', { body: input })),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['sessions'] });
      void client.invalidateQueries({ queryKey: ['api-tokens'] });
    },
  });
}

export interface NotificationPreferences {
  kinds: Array<{ kind: string; inApp: true; email: boolean; telegram: boolean; ignoresQuietHours: boolean }>;
  emailKinds: string[];
  telegramKinds: string[];
  quietHours: { from: string; until: string } | null;
  /** The daily digest's hour (0-23, my zone); null: each e-mail at once. */
  digestHour: number | null;
}

const preferencesKey = ['notification-preferences'];

/** My notification choices: kinds by e-mail (the app's list always has all) and quiet hours, the same in every workspace. */
export const useNotificationPreferences = () =>
  useQuery({
    queryKey: preferencesKey,
    queryFn: () => call<NotificationPreferences>(api.GET('/me/notification-preferences')),
  });

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      choices: Pick<NotificationPreferences, 'emailKinds' | 'telegramKinds' | 'quietHours' | 'digestHour'>,
    ) => call<NotificationPreferences>(api.PUT('/me/notification-preferences', { body: choices as never })),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  });
}

export interface TelegramBot {
  username: string;
  url: string;
  updates: 'webhook' | 'polling';
  connectedAt: string;
}
export interface TelegramLinkStatus {
  bot: { username: string; url: string } | null;
  linked: { telegramUsername: string | null; linkedAt: string } | null;
}

const telegramBotKey = (workspace: string) => ['telegram-bot', workspace];
const telegramLinkKey = (workspace: string) => ['telegram-link', workspace];

/** The workspace's notification bot (admins): connected with a token from @BotFather, never shown again. */
export const useTelegramBot = (workspace: string) =>
  useQuery({
    queryKey: telegramBotKey(workspace),
    queryFn: () =>
      call<{ bot: TelegramBot | null }>(
        api.GET('/workspaces/{workspace}/telegram/bot', { params: { path: { workspace } } }),
      ),
  });

export function useTelegramBotActions(workspace: string) {
  const client = useQueryClient();
  const settle = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: telegramBotKey(workspace) }),
      client.invalidateQueries({ queryKey: telegramLinkKey(workspace) }),
    ]);
  return {
    connect: useMutation({
      mutationFn: (token: string) =>
        call<TelegramBot>(
          api.PUT('/workspaces/{workspace}/telegram/bot', { params: { path: { workspace } }, body: { token } }),
        ),
      onSuccess: settle,
    }),
    disconnect: useMutation({
      mutationFn: () =>
        call<unknown>(api.DELETE('/workspaces/{workspace}/telegram/bot', { params: { path: { workspace } } })),
      onSettled: settle,
    }),
  };
}

/** My own Telegram chat with the workspace's bot: a one-time deep link to link it, and unlink. */
export const useTelegramLink = (workspace: string) =>
  useQuery({
    queryKey: telegramLinkKey(workspace),
    queryFn: () =>
      call<TelegramLinkStatus>(api.GET('/workspaces/{workspace}/telegram/link', { params: { path: { workspace } } })),
  });

export function useTelegramLinkActions(workspace: string) {
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: telegramLinkKey(workspace) });
  return {
    start: useMutation({
      mutationFn: () =>
        call<{ url: string; botUsername: string; expiresAt: string }>(
          api.POST('/workspaces/{workspace}/telegram/link', { params: { path: { workspace } } }),
        ),
    }),
    unlink: useMutation({
      mutationFn: () =>
        call<unknown>(api.DELETE('/workspaces/{workspace}/telegram/link', { params: { path: { workspace } } })),
      onSettled: settle,
    }),
  };
}
