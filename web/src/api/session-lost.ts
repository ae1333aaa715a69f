import { api, SESSION_LOST_CODES } from './client';

type Listener = (code: string) => void;
let listener: Listener | undefined;

/** Registers what happens when any answer says the session is gone (the app: go to sign-in). */
export function onSessionLost(handler: Listener): void {
  listener = handler;
}

api.use({
  async onResponse({ request, response }) {
    // A failed sign-in is a 401 too, but it is the sign-in page's own business.
    if (response.status !== 401 || new URL(request.url, location.origin).pathname === '/auth/login') return response;
    const body = (await response
      .clone()
      .json()
      .catch(() => ({}))) as { error?: { code?: string } };
    const code = body.error?.code ?? 'unauthenticated';
    if (SESSION_LOST_CODES.includes(code)) listener?.(code);
    return response;
  },
});
