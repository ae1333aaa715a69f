import type { Me } from './types';

/** What the API's OAuth callback sends a browser back with (`?oauth=connected|error&platform=&code=`). */
export interface OAuthOutcomeSearch {
  oauth?: 'connected' | 'error';
  platform?: string;
  code?: string;
}

const text = (value: unknown) => (typeof value === 'string' && value.length <= 100 ? value : undefined);

/** The outcome from a page's search, or nothing (each part checked; the page shows it as text). */
export const oauthOutcomeSearch = (search: Record<string, unknown>): OAuthOutcomeSearch => ({
  oauth: search.oauth === 'connected' || search.oauth === 'error' ? search.oauth : undefined,
  platform: text(search.platform),
  code: text(search.code),
});

// The tab remembers the workspace an OAuth round trip started from: a state the API no longer
// knows (expired, used) names no workspace, so the callback sends the browser to /app/ and the
// start page takes the outcome back to that workspace's accounts page.
const KEY = 'gaung.oauth.workspace';

export function rememberOAuthWorkspace(workspace: string): void {
  try {
    sessionStorage.setItem(KEY, workspace);
  } catch {
    // Storage refused (private mode): the start page then picks the first workspace the user administers.
  }
}

/** The workspace to show an OAuth outcome in: the one the round trip started from, else one the user administers. */
export function oauthReturnWorkspace(me: Me): string | undefined {
  let started: string | null = null;
  try {
    started = sessionStorage.getItem(KEY);
  } catch {
    started = null;
  }
  const admin = me.memberships.filter((m) => m.role === 'ADMIN' || m.role === 'OWNER');
  return (
    admin.find((m) => m.workspace.slug === started)?.workspace.slug ??
    admin[0]?.workspace.slug ??
    me.memberships[0]?.workspace.slug
  );
}
