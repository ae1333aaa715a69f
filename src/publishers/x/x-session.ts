import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { PlatformHttp } from '../http/platform-http';
import type { AccountContext } from '../publisher';
import { requiredCredential } from '../publisher-helpers';
import { refreshXToken } from './x-oauth';

/**
 * The calls of one publish or look-up with one account's token. On a 401 it refreshes the token
 * once (X access tokens live two hours), saves the rotated credentials through the account, and
 * repeats the call: a 401 means X did nothing, so repeating cannot post twice. Without a refresh
 * token, client id or a way to save the result, the 401 is returned as it is (AUTH).
 */
export class XSession {
  private accessToken: string;
  private refreshed = false;

  constructor(
    private readonly http: PlatformHttp,
    private readonly xApiUrl: string,
    private readonly account: AccountContext,
    private readonly signal: AbortSignal,
  ) {
    this.accessToken = requiredCredential('x', account.credentials, 'accessToken');
  }

  async send<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const response = await this.once<T>(config);
    if (response.status !== 401 || this.refreshed || !this.canRefresh()) return response;
    await this.refresh();
    return this.once<T>(config);
  }

  private once<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    return this.http.request<T>('x', {
      ...config,
      url: `${this.xApiUrl}${config.url}`,
      headers: { ...config.headers, authorization: `Bearer ${this.accessToken}` },
      signal: this.signal,
    });
  }

  private canRefresh(): boolean {
    const { refreshToken, clientId } = this.account.credentials;
    return typeof refreshToken === 'string' && typeof clientId === 'string' && this.account.saveRefreshedCredentials !== undefined;
  }

  private async refresh(): Promise<void> {
    this.refreshed = true;
    const refreshed = await refreshXCredentials(this.http, this.xApiUrl, this.account.credentials, this.signal);
    await this.account.saveRefreshedCredentials!(refreshed);
    this.accessToken = String(refreshed.credentials.accessToken);
  }
}

export async function refreshXCredentials(http: PlatformHttp, xApiUrl: string, credentials: Record<string, unknown>, signal: AbortSignal) {
  const tokens = await refreshXToken(
    http,
    xApiUrl,
    {
      clientId: requiredCredential('x', credentials, 'clientId'),
      clientSecret: typeof credentials.clientSecret === 'string' ? credentials.clientSecret : undefined,
    },
    requiredCredential('x', credentials, 'refreshToken'),
    signal,
  );
  return {
    credentials: { ...credentials, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? credentials.refreshToken },
    expiresAt: tokens.expiresAt,
  };
}
