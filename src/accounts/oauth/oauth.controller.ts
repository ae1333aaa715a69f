import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import type { Principal, WorkspaceAccess } from '../../auth/auth-context';
import { Access, CurrentPrincipal, WorkspaceRoute } from '../../auth/decorators';
import { Role } from '../../core/database';
import { AppError, ZodValidationPipe } from '../../core/errors';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse, openApiSchema, ZodBody } from '../../core/http';
import { oauthStepsFor } from '../../publishers';
import {
  instanceOAuthStartSchema,
  oauthCallbackSchema,
  oauthCompleteSchema,
  oauthStartDocSchema,
  oauthStartSchema,
} from '../accounts.schemas';
import { ACCOUNT_TEXT } from '../accounts.messages';
import { OAuthService } from './oauth.service';
import { oauthConnectedView, oauthStartView } from '../account-view';

/**
 * Starting an OAuth connection (one route; each platform's folder declares its steps) and
 * finishing it: the public callback the platform redirects the browser to, or /complete for a
 * front-end that receives the redirect itself.
 */
@ApiTags('accounts')
@Controller()
export class OAuthController {
  constructor(private readonly oauth: OAuthService) {}

  @Post('workspaces/:workspace/accounts/oauth/:platform/start')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "Start connecting accounts through the platform's OAuth: returns the authorize URL (state valid 10 minutes, once). Mastodon needs the instance; Gaung registers itself there on first use",
  })
  @ApiParam({
    name: 'platform',
    description: "The platform's OAuth segment, as GET /platforms lists it (x, linkedin, mastodon...)",
  })
  @ApiZodBody(oauthStartDocSchema)
  @ApiErrors(400, 404, 422)
  @ApiZodResponse(200, oauthStartView)
  start(
    @Access() access: WorkspaceAccess,
    @CurrentPrincipal() principal: Principal,
    @Param('platform') platform: string,
    @Body() body: unknown,
  ) {
    const flow = oauthStepsFor(platform);
    if (!flow) throw AppError.notFound(ACCOUNT_TEXT.platform);
    // Each platform's body is checked as its own route's was: Mastodon's names the instance, the others are empty.
    const input = new ZodValidationPipe(
      flow.steps.asksForInstance ? instanceOAuthStartSchema : oauthStartSchema,
    ).transform(body);
    return this.oauth.start(access, principal, platform, input?.instanceUrl);
  }

  @Post('workspaces/:workspace/accounts/oauth/complete')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Finish an OAuth connection with the code and state the platform returned (same admin, session and workspace only)',
  })
  @ApiZodBody(oauthCompleteSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, oauthConnectedView, 'Connected (or reconnected) accounts')
  complete(
    @Access() access: WorkspaceAccess,
    @CurrentPrincipal() principal: Principal,
    @ZodBody(oauthCompleteSchema) body: z.infer<typeof oauthCompleteSchema>,
  ) {
    return this.oauth.complete(access, principal, body);
  }

  @Get('oauth/callback/:platform')
  @ApiOperation({
    summary:
      "The platform's redirect after the admin approved (public: the state identifies the flow). A browser (Accept: text/html) is always sent on with 303 to /app/<workspace>/accounts?oauth=connected|error&platform=&code= (to /app/?... when the state names no workspace; code oauth_failed when the failure is not the user's)",
  })
  @ApiZodQuery(oauthCallbackSchema)
  @ApiErrors(400, 422)
  // Two answers by Accept, so not the typed ApiZodResponse: JSON for API clients, 303 for a browser.
  @ApiResponse({
    status: 200,
    description: 'Connected (or reconnected) accounts (API clients)',
    schema: openApiSchema(oauthConnectedView),
  })
  @ApiResponse({
    status: 303,
    description: 'A browser is sent on to /app/<workspace>/accounts with the outcome in the query',
  })
  async callback(
    @Param('platform') platform: string,
    @Query() query: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    // A browser (it asks for HTML) goes back to the accounts page, whatever happened; API clients keep the JSON answer.
    if (accept?.includes('text/html')) {
      res.redirect(HttpStatus.SEE_OTHER, await this.oauth.callbackPage(platform, query));
      return undefined;
    }
    if (!oauthStepsFor(platform)) throw AppError.notFound(ACCOUNT_TEXT.platform);
    const input = new ZodValidationPipe(oauthCallbackSchema).transform(query);
    return this.oauth.callback(platform, input);
  }
}
