import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { PlatformHttp } from '../http/platform-http';
import { PublishError } from '../publish-error';
import type { AccountContext } from '../publisher';
import { blueskyError, isExpiredToken } from './bluesky-errors';

export interface BlueskySession {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

/**
 * Sessions from an app password (com.atproto.server.createSession), kept in memory per account so
 * each post does not log in again; an expired access token is refreshed (refreshSession) once.
 */
export class BlueskySessions {
  private readonly sessions = new Map<string, BlueskySession>();

  constructor(
    private readonly http: PlatformHttp,
    private readonly timeoutMs: number,
  ) {}

  /** Calls an XRPC method with the account's session; on ExpiredToken refreshes and retries once. */
  async call<T>(
    account: AccountContext,
    service: string,
    signal: AbortSignal,
    build: (session: BlueskySession) => AxiosRequestConfig,
  ): Promise<{ response: AxiosResponse<T>; session: BlueskySession }> {
    let session = this.sessions.get(account.accountId) ?? (await this.create(account, service, signal));
    let response = await this.send<T>(service, { ...build(session), signal }, session.accessJwt);
    if (isExpiredToken(response)) {
      session = await this.refresh(account, service, session, signal);
      response = await this.send<T>(service, { ...build(session), signal }, session.accessJwt);
    }
    return { response, session };
  }

  /** Handle -> DID (com.atproto.identity.resolveHandle, no auth); null when it does not resolve. */
  async resolveHandle(service: string, handle: string, signal: AbortSignal): Promise<string | null> {
    const response = await this.send<{ did?: string }>(service, {
      method: 'GET',
      url: '/xrpc/com.atproto.identity.resolveHandle',
      params: { handle },
      signal,
    });
    if (response.status === 200 && typeof response.data.did === 'string') return response.data.did;
    if (response.status === 400 || response.status === 404) return null;
    throw blueskyError(response, 'other');
  }

  /** Logs in afresh with the app password (used by verifyCredentials and when refresh fails). */
  async create(account: AccountContext, service: string, signal: AbortSignal): Promise<BlueskySession> {
    const { identifier, appPassword } = account.credentials;
    if (typeof identifier !== 'string' || typeof appPassword !== 'string' || !identifier || !appPassword) {
      throw PublishError.auth('bluesky.no_credentials', 'The Bluesky handle or app password is missing');
    }
    const response = await this.send<BlueskySession>(service, {
      method: 'POST',
      url: '/xrpc/com.atproto.server.createSession',
      data: { identifier, password: appPassword },
      signal,
    });
    if (response.status !== 200) throw blueskyError(response, 'other');
    return this.remember(account, response.data);
  }

  private async refresh(
    account: AccountContext,
    service: string,
    session: BlueskySession,
    signal: AbortSignal,
  ): Promise<BlueskySession> {
    const response = await this.send<BlueskySession>(
      service,
      { method: 'POST', url: '/xrpc/com.atproto.server.refreshSession', signal },
      session.refreshJwt,
    );
    if (response.status === 200) return this.remember(account, response.data);
    this.sessions.delete(account.accountId);
    // A refresh token that expired or was revoked: the app password may still work.
    if (response.status === 400 || response.status === 401) return this.create(account, service, signal);
    throw blueskyError(response, 'other');
  }

  private remember(account: AccountContext, data: BlueskySession): BlueskySession {
    const session = { did: data.did, handle: data.handle, accessJwt: data.accessJwt, refreshJwt: data.refreshJwt };
    this.sessions.set(account.accountId, session);
    return session;
  }

  private async send<T>(service: string, config: AxiosRequestConfig, token?: string): Promise<AxiosResponse<T>> {
    try {
      return await this.http.request<T>('bluesky', {
        ...config,
        baseURL: service,
        headers: { ...config.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        timeout: this.timeoutMs,
      });
    } catch (error) {
      // Keep the kind and code, drop the cause: it holds the request with the password or token.
      if (error instanceof PublishError)
        throw new PublishError(error.kind, error.code, error.message, {
          httpStatus: error.httpStatus,
          cause: error.cause,
        });
      throw error;
    }
  }
}
