import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { AppError } from '../../core/errors';
import { oauthStepsFor, PlatformHttp, type OAuthContext, type OAuthKept } from '../../publishers';
import { AccountVerifier, verificationError } from '../account-verifier';
import { ACCOUNT_TEXT } from '../accounts.messages';
import type { VerifiedConnection } from '../accounts.service';
import { MastodonAppsStore } from './mastodon-apps.store';
import type { OAuthStateData } from './oauth-state.store';

/** What a flow keeps with its state, and the authorize URL once the state is known. */
export interface PreparedFlow {
  keep: OAuthKept;
  authorizeUrl(state: string): string;
}

/**
 * The platform half of each OAuth flow, run from the steps each platform's folder declares
 * (src/publishers/<platform>/<platform>.connect.ts): the authorize URL, and turning a callback's
 * code into verified connections (one per Facebook page or Instagram account; one otherwise).
 */
@Injectable()
export class OAuthFlows {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: PlatformHttp,
    private readonly mastodonApps: MastodonAppsStore,
    private readonly verifier: AccountVerifier,
  ) {}

  redirectUri(segment: string): string {
    return `${this.config.PUBLIC_BASE_URL.replace(/\/+$/, '')}/oauth/callback/${segment}`;
  }

  async prepare(segment: string, instanceUrl: string | undefined, signal: AbortSignal): Promise<PreparedFlow> {
    const { steps } = this.flowOf(segment);
    return this.platformCall(() => steps.start(this.context(segment, signal), instanceUrl));
  }

  /** Code -> tokens -> one verified connection per account the admin granted. */
  async finish(data: OAuthStateData, code: string, signal: AbortSignal): Promise<VerifiedConnection[]> {
    const { platform, steps } = this.flowOf(data.platform);
    const kept = { verifier: data.verifier, instanceUrl: data.instanceUrl };
    const found = await this.platformCall(() => steps.exchange(this.context(data.platform, signal), kept, code));
    if (found.length === 0) throw AppError.unprocessable('no_accounts', ACCOUNT_TEXT.noAccountsFound);
    const connections: VerifiedConnection[] = [];
    for (const account of found) {
      const candidate = {
        accountId: randomUUID(),
        workspaceId: data.workspaceId,
        platform,
        baseUrl: account.baseUrl,
        externalId: account.externalId,
        handle: null,
        settings: {},
        credentials: account.credentials,
      };
      connections.push({
        candidate,
        identity: await this.verifier.verify(candidate),
        tokenExpiresAt: account.tokenExpiresAt,
      });
    }
    return connections;
  }

  private flowOf(segment: string) {
    const flow = oauthStepsFor(segment);
    if (!flow) throw AppError.notFound(ACCOUNT_TEXT.platform);
    return flow;
  }

  private context(segment: string, signal: AbortSignal): OAuthContext {
    return {
      config: this.config,
      http: this.http,
      redirectUri: this.redirectUri(segment),
      signal,
      clientApps: this.mastodonApps,
      requireApp: (id, secret) => {
        if (!id || !secret)
          throw AppError.unprocessable('platform_not_configured', ACCOUNT_TEXT.platformNotConfigured, {
            platform: segment,
          });
        return id;
      },
      requireInstance: (instanceUrl) => {
        if (!instanceUrl) throw AppError.badRequest('instance_required', ACCOUNT_TEXT.instanceRequired);
        return instanceUrl;
      },
    };
  }

  private async platformCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw verificationError(error);
    }
  }
}
