/**
 * Names of the browser session's cookies and CSRF header, shared by the code that sets and checks
 * them (src/auth/browser-session.ts) and the OpenAPI document that describes them. Under https both
 * cookies carry the __Host- prefix.
 */
export const SESSION_COOKIE = 'gaung_session';
export const CSRF_COOKIE = 'gaung_csrf';
export const SECURE_COOKIE_PREFIX = '__Host-';
/** Header names are case-insensitive; this is the spelling the document shows. */
export const CSRF_HEADER = 'X-CSRF-Token';
