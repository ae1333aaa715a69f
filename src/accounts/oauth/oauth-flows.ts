import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { PlatformHttp, PublishError } from '../../publishers';
import { buildFacebookAuthorizeUrl, exchangeFacebookCode, facebookPageAccounts } from '../../publishers/facebook/facebook-oauth';
import { buildInstagramAuthorizeUrl, exchangeInstagramCode, instagramAccounts } from '../../publishers/instagram/instagram-oauth';
import { buildLinkedInAuthorizeUrl, exchangeLinkedInCode } from '../../publishers/linkedin/linkedin-oauth';
import { exchangeMastodonCode, mastodonAuthorizeUrl } from '../../publishers/mastodon/mastodon-oauth';
import { buildThreadsAuthorizeUrl, exchangeThreadsCode } from '../../publishers/threads/threads-oauth';
import { buildXAuthorizeUrl, createPkce, exchangeXCode } from '../../publishers/x/x-oauth';
import { AccountVerifier, verificationError } from '../account-verifier';
import { ACCOUNT_TEXT } from '../accounts.messages';
import type { VerifiedConnection } from '../accounts.service';
import { MastodonAppsStore } from './mastodon-apps.store';
import { OAUTH_PLATFORMS, type OAuthPlatform } from './oauth-platforms';
import type { OAuthStateData } from './oauth-state.store';

const LINKEDIN_MEMBER_TO_BE_VERIFIED = 'urn:li:person:me';

/** What a flow keeps with its state, and the authorize URL once the state is known. */
export interface PreparedFlow {
  keep: Pick<OAuthStateData, 'verifier' | 'instanceUrl'>;
  authorizeUrl(state: string): string;
}

interface Found {
  externalId: string | null;
  baseUrl: string | null;
  credentials: Record<string, unknown>;
  tokenExpiresAt: Date | null;
}

/**
 * The platform half of each OAuth flow: the authorize URL, and turning a callback's code into
 * verified connections (one per Facebook page or Instagram account; one otherwise). The platform
 * calls themselves are the publishers' helpers.
 */
@Injectable()
export class OAuthFlows {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: PlatformHttp,
    private readonly mastodonApps: MastodonAppsStore,
    private readonly verifier: AccountVerifier,
  ) {}

  /** Whether sign-ins ask for the insights permissions as well (docs/analytics.md). */
  private get insights() {
    return { insights: this.config.ANALYTICS_INSIGHT_SCOPES };
  }

  redirectUri(platform: OAuthPlatform): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/oauth/callback/${platform}`;
  }

  async prepare(platform: OAuthPlatform, instanceUrl: string | undefined, signal: AbortSignal): Promise<PreparedFlow> {
    const redirectUri = this.redirectUri(platform);
    switch (platform) {
      case 'facebook':
      case 'instagram': {
        const app = { appId: this.required(platform, this.config.FACEBOOK_APP_ID, this.config.FACEBOOK_APP_SECRET), redirectUri };
        const build = platform === 'facebook' ? buildFacebookAuthorizeUrl : buildInstagramAuthorizeUrl;
        return { keep: {}, authorizeUrl: (state) => build(app, state, this.config.GRAPH_API_URL, this.insights) };
      }
      case 'threads': {
        const app = { appId: this.required(platform, this.config.THREADS_APP_ID, this.config.THREADS_APP_SECRET), redirectUri };
        return { keep: {}, authorizeUrl: (state) => buildThreadsAuthorizeUrl(app, state, this.insights) };
      }
      case 'x': {
        const client = { clientId: this.required(platform, this.config.X_CLIENT_ID, 'public clients need no secret'), redirectUri };
        const pkce = createPkce();
        return { keep: { verifier: pkce.verifier }, authorizeUrl: (state) => buildXAuthorizeUrl(client, state, pkce) };
      }
      case 'linkedin': {
        const app = { clientId: this.required(platform, this.config.LINKEDIN_CLIENT_ID, this.config.LINKEDIN_CLIENT_SECRET), redirectUri };
        return { keep: {}, authorizeUrl: (state) => buildLinkedInAuthorizeUrl(app, state, this.config.LINKEDIN_API_URL, this.insights) };
      }
      case 'mastodon': {
        if (!instanceUrl) throw AppError.badRequest('instance_required', { id: 'Alamat instance Mastodon wajib diisi.', en: 'The Mastodon instance URL is required.' });
        const app = await this.platformCall(() => this.mastodonApps.appFor(instanceUrl, redirectUri, signal));
        return { keep: { instanceUrl }, authorizeUrl: (state) => mastodonAuthorizeUrl(instanceUrl, { clientId: app.clientId, redirectUri, state }) };
      }
    }
  }

  /** Code -> tokens -> one verified connection per account the admin granted. */
  async finish(data: OAuthStateData, code: string, signal: AbortSignal): Promise<VerifiedConnection[]> {
    const found = await this.platformCall(() => this.exchange(data, code, signal));
    if (found.length === 0) throw AppError.unprocessable('no_accounts', ACCOUNT_TEXT.noAccountsFound);
    const connections: VerifiedConnection[] = [];
    for (const account of found) {
      const candidate = {
        accountId: randomUUID(),
        workspaceId: data.workspaceId,
        platform: OAUTH_PLATFORMS[data.platform],
        baseUrl: account.baseUrl,
        externalId: account.externalId,
        handle: null,
        settings: {},
        credentials: account.credentials,
      };
      connections.push({ candidate, identity: await this.verifier.verify(candidate), tokenExpiresAt: account.tokenExpiresAt });
    }
    return connections;
  }

  private async exchange(data: OAuthStateData, code: string, signal: AbortSignal): Promise<Found[]> {
    const redirectUri = this.redirectUri(data.platform);
    const { config, http } = this;
    switch (data.platform) {
      case 'facebook':
      case 'instagram': {
        const app = { appId: config.FACEBOOK_APP_ID!, appSecret: config.FACEBOOK_APP_SECRET!, redirectUri };
        const exchange = data.platform === 'facebook' ? exchangeFacebookCode : exchangeInstagramCode;
        const user = await exchange(http, config.GRAPH_API_URL, app, code, signal);
        // Every page (or linked Instagram account) the admin granted is connected; page tokens do not expire.
        const accounts = data.platform === 'facebook' ? await facebookPageAccounts(http, config.GRAPH_API_URL, user.accessToken, signal) : await instagramAccounts(http, config.GRAPH_API_URL, user.accessToken, signal);
        return accounts.map((account) => ({ externalId: account.externalId, baseUrl: null, credentials: account.credentials, tokenExpiresAt: null }));
      }
      case 'threads': {
        const app = { appId: config.THREADS_APP_ID!, appSecret: config.THREADS_APP_SECRET!, redirectUri };
        const token = await exchangeThreadsCode(http, config.THREADS_API_URL, app, code, signal);
        return [{ externalId: token.externalId, baseUrl: null, credentials: token.credentials, tokenExpiresAt: token.expiresAt }];
      }
      case 'x': {
        const client = { clientId: config.X_CLIENT_ID!, clientSecret: config.X_CLIENT_SECRET, redirectUri };
        const tokens = await exchangeXCode(http, config.X_API_URL, client, code, data.verifier ?? '', signal);
        // The client id (and secret) travel with the sealed credentials so any worker can refresh.
        const credentials = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, clientId: client.clientId, ...(client.clientSecret ? { clientSecret: client.clientSecret } : {}) };
        return [{ externalId: null, baseUrl: null, credentials, tokenExpiresAt: tokens.expiresAt }];
      }
      case 'linkedin': {
        const app = { clientId: config.LINKEDIN_CLIENT_ID!, clientSecret: config.LINKEDIN_CLIENT_SECRET!, redirectUri };
        const tokens = await exchangeLinkedInCode(http, config.LINKEDIN_API_URL, app, code, signal);
        const credentials = { accessToken: tokens.accessToken, ...(tokens.refreshToken ? { refreshToken: tokens.refreshToken } : {}), clientId: app.clientId, clientSecret: app.clientSecret };
        // The member's URN is not known yet: a person URN makes the publisher's "who am I" ask
        // /v2/userinfo, which answers the real one (stored from the verified identity).
        return [{ externalId: LINKEDIN_MEMBER_TO_BE_VERIFIED, baseUrl: null, credentials, tokenExpiresAt: tokens.expiresAt }];
      }
      case 'mastodon': {
        const instanceUrl = data.instanceUrl!;
        const app = await this.mastodonApps.cached(instanceUrl);
        if (!app) throw PublishError.auth('mastodon.app_missing', 'The app registration for this instance was lost; start again');
        try {
          const token = await exchangeMastodonCode(http, instanceUrl, { ...app, redirectUri, code }, signal);
          return [{ externalId: null, baseUrl: instanceUrl, credentials: { accessToken: token.accessToken }, tokenExpiresAt: null }];
        } catch (error) {
          if (error instanceof PublishError && error.httpStatus === 401) await this.mastodonApps.forget(instanceUrl);
          throw error;
        }
      }
    }
  }

  private required(platform: OAuthPlatform, id: string | undefined, secret: string | undefined): string {
    if (!id || !secret) throw AppError.unprocessable('platform_not_configured', ACCOUNT_TEXT.platformNotConfigured, { platform });
    return id;
  }

  private async platformCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw verificationError(error);
    }
  }
}
