import { redirect } from '@tanstack/react-router';

/** Search params of the sign-in page: where to go back to, and why the user is there. */
export interface SignInSearch {
  next?: string;
  reason?: 'expired' | 'signed-out';
}

/** Only same-app paths are followed after sign-in (no open redirect to another site). */
export const safeNext = (next: string | undefined): string | undefined =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;

export function signInRedirect(next: string, code?: string) {
  return redirect({
    to: '/sign-in',
    search: { next: safeNext(next), reason: code && /expired/i.test(code) ? 'expired' : undefined },
  });
}
