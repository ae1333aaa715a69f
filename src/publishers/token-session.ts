import type { AxiosRequestConfig, AxiosResponse } from 'axios';
import type { PlatformHttp } from './http/platform-http';
import type { AccountContext, RefreshedCredentials } from './publisher';
import { requiredCredential } from './publisher-helpers';

export type CredentialRefresher = (
  credentials: Record<string, unknown>,
  signal: AbortSignal,
) => Promise<RefreshedCredentials>;

/**
 * The calls of one publish (or look-up) with one account's OAuth 2.0 bearer token. On a 401 it
 * refreshes the token once, saves the new credentials through the account (X and LinkedIn rotate
 * refresh tokens: an unsaved refresh would lock the account out), and repeats the call. A 401 means
 * the platform did nothing, so repeating cannot post twice. Without a refresher or a way to save,
 * the 401 is returned as it is and the publisher maps it to AUTH.
 */
export class TokenSession {
  private accessToken: string;
  private refreshed = false;

  constructor(
    private readonly platform: string,
    private readonly http: PlatformHttp,
    private readonly baseUrl: string,
    private readonly account: AccountContext,
    private readonly signal: AbortSignal,
    private readonly refresher: CredentialRefresher | null,
    private readonly headers: Record<string, string> = {},
  ) {
    this.accessToken = requiredCredential(platform, account.credentials, 'accessToken');
  }

  /** `url` is a path below the base URL, or an absolute URL the platform handed out (upload URLs). */
  async send<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const response = await this.once<T>(config);
    if (response.status !== 401 || this.refreshed || !this.refresher || !this.account.saveRefreshedCredentials)
      return response;
    this.refreshed = true;
    const refreshed = await this.refresher(this.account.credentials, this.signal);
    await this.account.saveRefreshedCredentials(refreshed);
    this.accessToken = String(refreshed.credentials.accessToken);
    return this.once<T>(config);
  }

  private once<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    const url = /^https?:\/\//.test(config.url ?? '') ? config.url : `${this.baseUrl}${config.url}`;
    return this.http.request<T>(this.platform, {
      ...config,
      url,
      headers: { ...this.headers, ...config.headers, authorization: `Bearer ${this.accessToken}` },
      signal: this.signal,
    });
  }
}
