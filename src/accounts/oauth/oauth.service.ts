import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Principal, WorkspaceAccess } from '../../auth/auth-context';
import { lowerRole, roleAtLeast } from '../../auth/roles';
import { APP_CONFIG, type AppConfig } from '../../core/config';
import { Role } from '../../core/database';
import { AppError, ZodValidationPipe } from '../../core/errors';
import { oauthStepsFor } from '../../publishers';
import { presentAccount } from '../account-view';
import { ACCOUNT_TEXT } from '../accounts.messages';
import { oauthCallbackSchema } from '../accounts.schemas';
import { AccountsService } from '../accounts.service';
import { OAuthFlows } from './oauth-flows';
import { OAuthRepository } from './oauth.repository';
import { OAUTH_STATE_TTL_SECONDS, OAuthStateStore, type OAuthStateData } from './oauth-state.store';

export interface CallbackInput {
  code?: string;
  state?: string;
  error?: string;
  error_description?: string;
}

/** The code a browser is sent back with when the callback failed for a reason that is not the user's (logged). */
export const OAUTH_FAILED = 'oauth_failed';

const invalidState = () => AppError.badRequest('oauth_state_invalid', ACCOUNT_TEXT.oauthStateInvalid);

/**
 * OAuth 2.0 authorization-code flows. The state is random, single-use, 10 minutes long and bound
 * server-side to the workspace, the admin and the session (or API token) that started it. The
 * callback acts only for that binding, and only while the session lives and the user is still an
 * admin there; the state is consumed before anything else, so a refused state cannot be retried.
 */
@Injectable()
export class OAuthService {
  private readonly logger = new Logger(OAuthService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly oauth: OAuthRepository,
    private readonly states: OAuthStateStore,
    private readonly flows: OAuthFlows,
    private readonly accounts: AccountsService,
  ) {}

  async start(access: WorkspaceAccess, principal: Principal, platform: string, instanceUrl?: string) {
    const flow = await this.flows.prepare(platform, instanceUrl, AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS));
    const state = await this.states.issue({
      platform,
      workspaceId: access.workspaceId,
      userId: access.userId,
      sessionId: principal.sessionId,
      apiTokenId: principal.apiToken?.id ?? null,
      ...flow.keep,
    });
    return {
      authorizeUrl: flow.authorizeUrl(state),
      redirectUri: this.flows.redirectUri(platform),
      expiresInSeconds: OAUTH_STATE_TTL_SECONDS,
    };
  }

  /** The platform redirected the admin's browser here (public route): the state alone says who and where. */
  async callback(platform: string, input: CallbackInput) {
    const data = input.state ? await this.states.take(input.state) : null;
    if (!data || data.platform !== platform) throw invalidState();
    return this.finish(data, input);
  }

  /**
   * The same callback for a person's browser: the address of the web desk's accounts page with
   * `oauth=connected` or `oauth=error&code=<error code>` (the page says it in the user's language),
   * never a JSON page, whatever fails. A state that is unknown or spent names no workspace: the
   * desk's start page, which carries the outcome on to the accounts page of the reader's workspace.
   * A failure that is not an AppError (a bug, a database or Redis fault) is logged and answered
   * with the generic code `oauth_failed`.
   */
  async callbackPage(platform: string, query: unknown): Promise<string> {
    let slug: string | undefined;
    let outcome: Record<string, string>;
    try {
      if (!oauthStepsFor(platform)) throw AppError.notFound(ACCOUNT_TEXT.platform);
      const input = new ZodValidationPipe(oauthCallbackSchema).transform(query);
      const data = input.state ? await this.states.take(input.state) : null;
      if (!data || data.platform !== platform) throw invalidState();
      slug = await this.oauth.workspaceSlug(data.workspaceId);
      const result = await this.finish(data, input);
      outcome = { oauth: 'connected', platform, count: String(result.accounts.length) };
    } catch (error) {
      if (!(error instanceof AppError))
        this.logger.error({
          msg: 'OAuth callback failed',
          platform,
          error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
        });
      outcome = { oauth: 'error', platform, code: error instanceof AppError ? error.code : OAUTH_FAILED };
    }
    const page = slug ? `/app/${encodeURIComponent(slug)}/accounts` : '/app/';
    return `${page}?${new URLSearchParams(outcome)}`;
  }

  /** For a front-end that receives the redirect itself: the caller must be the one who started it, in this workspace. */
  async complete(access: WorkspaceAccess, principal: Principal, input: CallbackInput) {
    const data = input.state ? await this.states.take(input.state) : null;
    if (!data) throw invalidState();
    const sameCaller =
      data.workspaceId === access.workspaceId &&
      data.userId === access.userId &&
      data.sessionId === principal.sessionId &&
      data.apiTokenId === (principal.apiToken?.id ?? null);
    if (!sameCaller) throw AppError.unprocessable('oauth_not_yours', ACCOUNT_TEXT.oauthNotYours);
    return this.finish(data, input);
  }

  private async finish(data: OAuthStateData, input: CallbackInput) {
    if (input.error)
      throw AppError.unprocessable('oauth_denied', ACCOUNT_TEXT.oauthDenied, {
        reason: (input.error_description ?? input.error).slice(0, 300),
      });
    if (!input.code) throw invalidState();
    await this.assertStillAllowed(data);
    const connections = await this.flows.finish(
      data,
      input.code,
      AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS * 2),
    );
    const actor = { userId: data.userId, kind: data.apiTokenId ? ('api-token' as const) : ('user' as const) };
    const saved = await this.accounts.saveConnections(actor, data.workspaceId, connections, {
      onExisting: 'reconnect',
    });
    return {
      workspace: await this.oauth.workspaceSlug(data.workspaceId),
      accounts: saved.map(({ account, reconnected }) => ({ ...presentAccount(account), reconnected })),
    };
  }

  /** The session or token that started the flow still works, and its user is still an admin there. */
  private async assertStillAllowed(data: OAuthStateData): Promise<void> {
    const now = new Date();
    let role = await this.oauth.memberRole(data.workspaceId, data.userId);
    if (data.sessionId) {
      if (!(await this.oauth.sessionLives(data.userId, data.sessionId, now))) role = undefined;
    } else if (data.apiTokenId) {
      const roleCap = await this.oauth.liveTokenRoleCap(data.workspaceId, data.userId, data.apiTokenId, now);
      role = roleCap && role ? lowerRole(role, roleCap) : undefined;
    } else {
      role = undefined;
    }
    if (!role || !roleAtLeast(role, Role.ADMIN))
      throw AppError.unprocessable('oauth_not_yours', ACCOUNT_TEXT.oauthNotYours);
  }
}
