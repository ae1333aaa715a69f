import { i18next } from '../i18n';
import { csrfToken } from './client';

/**
 * A request the generated client does not type (bodies whose shape depends on the platform, such as
 * an account's credential form). Same headers as the typed client; answers in the shape `call`
 * unwraps. Prefer `api.*` wherever web/openapi.json describes the route.
 */
export async function untypedRequest(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  const headers: Record<string, string> = { 'Accept-Language': i18next.language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = method === 'GET' ? undefined : csrfToken();
  if (token) headers['X-CSRF-Token'] = token;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed: unknown = await response.json().catch(() => undefined);
  return response.ok ? { data: parsed, response } : { error: parsed, response };
}
