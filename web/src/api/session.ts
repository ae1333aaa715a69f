import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { forgetChosenLanguage, type Language } from '../i18n';
import type { CookieSignIn, Me, Role } from './types';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => call<Me>(api.GET('/me')),
  staleTime: 5 * 60_000,
  retry: false,
});

export const useMe = () => useQuery(meQuery);

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, COORDINATOR: 2, ADMIN: 3, OWNER: 4 };
/** Whether `role` includes `needed` (each role includes the ones before it). The API still judges. */
export const roleAtLeast = (role: Role | undefined, needed: Role) => role !== undefined && RANK[role] >= RANK[needed];

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) =>
      // `session: 'cookie'`: the API sets an httpOnly session cookie and a readable CSRF cookie.
      call<CookieSignIn>(api.POST('/auth/login', { body: { ...input, session: 'cookie' } as typeof input })),
    onSuccess: () => {
      // The profile's language wins on every device (the shell applies it once signed in).
      forgetChosenLanguage();
      client.removeQueries();
    },
  });
}

/** Keeps the language the user switched to on their profile, so their other devices follow. */
export function useSaveLanguage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Language) => call<Me>(api.PATCH('/me', { body: { locale } })),
    onSuccess: (me) => client.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, locale: me.locale } : old)),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call<void>(api.POST('/auth/logout')),
    onSettled: () => client.clear(),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => call<unknown>(api.POST('/auth/password-reset', { body: { email } })),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (input: { token: string; newPassword: string }) =>
      call<void>(api.POST('/auth/password-reset/confirm', { body: input })),
  });
}
