import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { z } from 'zod';
import { ZodValidationPipe } from '../core/errors';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody, zUuid } from '../core/http';
import { ExpensiveAnonymous } from './anonymous-throttle';
import type { GaungRequest, Principal } from './auth-context';
import {
  changePasswordSchema,
  loginSchema,
  profileSchema,
  registerSchema,
  resetConfirmSchema,
  resetRequestSchema,
} from './auth.schemas';
import { AuthService, type ClientInfo } from './auth.service';
import { BrowserSession } from './browser-session';
import { CurrentPrincipal, SignedIn } from './decorators';
import { meView, passwordResetRequestedView, sessionListView, sessionTokenView, signInView } from './auth-views';

const client = (req: GaungRequest): ClientInfo => ({ ip: req.ip ?? 'unknown', userAgent: req.header('user-agent') });

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly browser: BrowserSession,
  ) {}

  @Post('auth/register')
  @ExpensiveAnonymous()
  @ApiOperation({ summary: 'Create a user account and sign in (only when REGISTRATION=open; otherwise 403)' })
  @ApiZodBody(registerSchema)
  @ApiErrors(400, 403, 409)
  @ApiZodResponse(201, sessionTokenView, 'Signed in')
  register(@ZodBody(registerSchema) body: z.infer<typeof registerSchema>, @Req() req: GaungRequest) {
    return this.auth.register(body, client(req));
  }

  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'Without `session` (or with "bearer"): returns a bearer session token. With `session: "cookie"` (the web app): ' +
      'sets the httpOnly session cookie and the readable CSRF cookie (gaung_session, gaung_csrf; __Host- prefixed under https) ' +
      'and returns who signed in, no token. Cookie-authenticated requests other than GET/HEAD/OPTIONS must send ' +
      'X-CSRF-Token equal to the CSRF cookie (else 403 CSRF_TOKEN_INVALID).',
  })
  @ApiZodBody(loginSchema)
  @ApiErrors(400, 401, 429)
  @ApiZodResponse(200, signInView, 'Signed in: a bearer token, or (session "cookie") who signed in')
  async login(
    @ZodBody(loginSchema) body: z.infer<typeof loginSchema>,
    @Req() req: GaungRequest,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (body.session === 'bearer') return this.auth.login(body.email, body.password, client(req));
    const { session, user } = await this.auth.loginForBrowser(body.email, body.password, client(req));
    this.browser.issue(res, session.token, session.expiresAt);
    return { user, expiresAt: session.expiresAt };
  }

  @Post('auth/logout')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the current session (and clear the browser-session cookies)' })
  @ApiNoContent()
  async logout(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
    if (principal.sessionId) await this.auth.revokeSession(principal, principal.sessionId);
    this.browser.clear(res);
  }

  @Get('auth/sessions')
  @SignedIn()
  @ApiOperation({ summary: 'My live sessions' })
  @ApiZodResponse(200, sessionListView)
  sessions(@CurrentPrincipal() principal: Principal) {
    return this.auth.listSessions(principal);
  }

  @Delete('auth/sessions/:sessionId')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke one of my sessions (takes effect on its next request)' })
  @ApiErrors(404)
  @ApiNoContent()
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('sessionId', new ZodValidationPipe(zUuid)) sessionId: string,
  ) {
    await this.auth.revokeSession(principal, sessionId);
  }

  @Post('auth/password')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password; my other sessions, my personal API tokens and unused reset links end' })
  @ApiZodBody(changePasswordSchema)
  @ApiErrors(400, 422)
  @ApiNoContent()
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(changePasswordSchema) body: z.infer<typeof changePasswordSchema>,
  ) {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Send a password reset link by mail',
    description:
      'The same answer whether or not the email exists; the link is never in the answer (see docs/security.md).',
  })
  @ApiZodBody(resetRequestSchema)
  @ApiErrors(400)
  @ApiZodResponse(202, passwordResetRequestedView, 'Accepted (the same answer whether or not the email exists)')
  async requestReset(@ZodBody(resetRequestSchema) body: z.infer<typeof resetRequestSchema>) {
    await this.auth.requestPasswordReset(body.email);
    return { accepted: true as const };
  }

  @Post('auth/password-reset/confirm')
  @ExpensiveAnonymous()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Choose a new password with a one-time reset token; every session and personal API token ends',
  })
  @ApiZodBody(resetConfirmSchema)
  @ApiErrors(400, 422)
  @ApiNoContent()
  async confirmReset(@ZodBody(resetConfirmSchema) body: z.infer<typeof resetConfirmSchema>) {
    await this.auth.confirmPasswordReset(body.token, body.newPassword);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'My profile (language, zone) and my memberships: each workspace with my role there' })
  @ApiZodResponse(200, meView)
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal.userId);
  }

  @Patch('me')
  @SignedIn()
  @ApiOperation({ summary: 'Change my name, language or time zone' })
  @ApiZodBody(profileSchema)
  @ApiErrors(400)
  @ApiZodResponse(200, meView)
  updateMe(@CurrentPrincipal() principal: Principal, @ZodBody(profileSchema) body: z.infer<typeof profileSchema>) {
    return this.auth.updateProfile(principal, body);
  }
}
