import createClient, { type Middleware } from 'openapi-fetch';
import { i18next } from '../i18n';
import type { paths } from './schema';

/** The API's one error shape: `{ error: { code, message, details?, requestId } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; code?: string; message?: string }[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** The session is gone (never was, expired or revoked): the app sends the user to sign-in. */
export const SESSION_LOST_CODES = ['unauthenticated', 'session_expired'];
export const isSessionLost = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.status === 401 && SESSION_LOST_CODES.includes(error.code);

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** The double-submit CSRF value: the API's readable csrf cookie (`__Host-` prefixed under https). */
export function csrfToken(): string | undefined {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'gaung_csrf' || name === '__Host-gaung_csrf') return decodeURIComponent(value.join('='));
  }
  return undefined;
}

const sessionHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', i18next.language);
    const token = SAFE_METHODS.includes(request.method) ? undefined : csrfToken();
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
};

/** The only door to the server: typed from the API's own OpenAPI document (web/openapi.json). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionHeaders);

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch answer: the body on success, an ApiError otherwise. `T` names the body
 * where the OpenAPI document does not describe it yet (see api/types.ts).
 */
export async function call<T>(answer: Promise<Answer>): Promise<T> {
  let result: Answer;
  try {
    result = await answer;
  } catch {
    throw new ApiError(0, 'NETWORK', i18next.t('common:errors.network'));
  }
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as {
    error?: { code?: string; message?: string; details?: ApiError['details']; requestId?: string };
  };
  const error = body.error;
  throw new ApiError(
    result.response.status,
    error?.code ?? `HTTP_${result.response.status}`,
    error?.message ?? i18next.t('common:errors.unexpected', { status: result.response.status }),
    error?.details,
    error?.requestId,
  );
}
