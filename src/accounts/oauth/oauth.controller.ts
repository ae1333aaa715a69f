import { Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Principal, WorkspaceAccess } from '../../auth/auth-context';
import { Access, CurrentPrincipal, WorkspaceRoute } from '../../auth/decorators';
import { Role } from '../../core/database';
import { AppError } from '../../core/errors';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse, openApiSchema, ZodBody, ZodQuery } from '../../core/http';
import { mastodonOAuthStartSchema, oauthCallbackSchema, oauthCompleteSchema, oauthStartSchema } from '../accounts.schemas';
import { isOAuthPlatform, type OAuthPlatform } from './oauth-platforms';
import { OAuthService } from './oauth.service';
import { oauthConnectedView, oauthStartView } from '../account-view';

type Start = z.infer<typeof oauthStartSchema>;

/**
 * Starting an OAuth connection (one route per platform, so every route has a fixed path) and
 * finishing it: the public callback the platform redirects the browser to, or /complete for a
 * front-end that receives the redirect itself.
 */
@ApiTags('accounts')
@Controller()
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  @Post('workspaces/:workspace/accounts/oauth/facebook/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting Facebook Pages: returns the authorize URL (state valid 10 minutes, once)' })
  @ApiZodBody(oauthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  facebook(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthStartSchema) _body: Start) {
    return this.oauth.start(access, principal, 'facebook');
  }

  @Post('workspaces/:workspace/accounts/oauth/instagram/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting Instagram professional accounts (through Facebook Login)' })
  @ApiZodBody(oauthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  instagram(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthStartSchema) _body: Start) {
    return this.oauth.start(access, principal, 'instagram');
  }

  @Post('workspaces/:workspace/accounts/oauth/threads/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting a Threads account' })
  @ApiZodBody(oauthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  threads(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthStartSchema) _body: Start) {
    return this.oauth.start(access, principal, 'threads');
  }

  @Post('workspaces/:workspace/accounts/oauth/x/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting an X account (OAuth 2.0 with PKCE)' })
  @ApiZodBody(oauthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  x(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthStartSchema) _body: Start) {
    return this.oauth.start(access, principal, 'x');
  }

  @Post('workspaces/:workspace/accounts/oauth/linkedin/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting a LinkedIn member' })
  @ApiZodBody(oauthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  linkedin(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthStartSchema) _body: Start) {
    return this.oauth.start(access, principal, 'linkedin');
  }

  @Post('workspaces/:workspace/accounts/oauth/mastodon/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Start connecting a Mastodon account on an instance (Gaung registers itself there on first use)' })
  @ApiZodBody(mastodonOAuthStartSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthStartView)
  mastodon(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(mastodonOAuthStartSchema) body: z.infer<typeof mastodonOAuthStartSchema>) {
    return this.oauth.start(access, principal, 'mastodon', body.instanceUrl);
  }

  @Post('workspaces/:workspace/accounts/oauth/complete')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Finish an OAuth connection with the code and state the platform returned (same admin, session and workspace only)' })
  @ApiZodBody(oauthCompleteSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthConnectedView, 'Connected (or reconnected) accounts')
  complete(@Access() access: WorkspaceAccess, @CurrentPrincipal() principal: Principal, @ZodBody(oauthCompleteSchema) body: z.infer<typeof oauthCompleteSchema>) {
    return this.oauth.complete(access, principal, body);
  }

  @Get('oauth/callback/:platform')
  @ApiOperation({ summary: "The platform's redirect after the admin approved (public: the state identifies the flow). A browser (Accept: text/html) is sent on with 303 to /app/<workspace>/accounts?oauth=connected|error&platform=&code=" })
  @ApiZodQuery(oauthCallbackSchema)
  @ApiErrors(400, 422)
  // Two answers by Accept, so not the typed ApiZodResponse: JSON for API clients, 303 for a browser.
  @ApiResponse({ status: 200, description: 'Connected (or reconnected) accounts (API clients)', schema: openApiSchema(oauthConnectedView) })
  @ApiResponse({ status: 303, description: 'A browser is sent on to /app/<workspace>/accounts with the outcome in the query' })
  async callback(
    @Param('platform') platform: string,
    @ZodQuery(oauthCallbackSchema) query: z.infer<typeof oauthCallbackSchema>,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!isOAuthPlatform(platform)) throw AppError.notFound({ id: 'Platform', en: 'Platform' });
    // A browser (it asks for HTML) goes back to the accounts page; API clients keep the JSON answer.
    if (!accept?.includes('text/html')) return this.oauth.callback(platform as OAuthPlatform, query);
    res.redirect(HttpStatus.SEE_OTHER, await this.oauth.callbackPage(platform as OAuthPlatform, query));
    return undefined;
  }
}
