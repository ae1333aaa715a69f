import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ZodValidationPipe } from '../core/errors';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody, zUuid } from '../core/http';
import type { GaungRequest, Principal } from './auth-context';
import { changePasswordSchema, loginSchema, profileSchema, registerSchema, resetConfirmSchema, resetRequestSchema } from './auth.schemas';
import { AuthService, type ClientInfo } from './auth.service';
import { CurrentPrincipal, SignedIn } from './decorators';
import { meView, passwordResetRequestedView, sessionTokenView, sessionListView } from './auth-views';

const client = (req: GaungRequest): ClientInfo => ({ ip: req.ip ?? 'unknown', userAgent: req.header('user-agent') });

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/register')
  @ApiOperation({ summary: 'Create a user account and sign in' })
  @ApiZodBody(registerSchema)
  @ApiErrors(400, 409)
  @ApiZodResponse(201, sessionTokenView, 'Signed in')
  register(@ZodBody(registerSchema) body: z.infer<typeof registerSchema>, @Req() req: GaungRequest) {
    return this.auth.register(body, client(req));
  }

  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password; returns a bearer session token' })
  @ApiZodBody(loginSchema)
  @ApiErrors(400, 401, 429)
  @ApiZodResponse(200, sessionTokenView, 'Signed in')
  login(@ZodBody(loginSchema) body: z.infer<typeof loginSchema>, @Req() req: GaungRequest) {
    return this.auth.login(body.email, body.password, client(req));
  }

  @Post('auth/logout')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the current session' })
  @ApiNoContent()
  async logout(@CurrentPrincipal() principal: Principal) {
    if (principal.sessionId) await this.auth.revokeSession(principal, principal.sessionId);
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
  async revoke(@CurrentPrincipal() principal: Principal, @Param('sessionId', new ZodValidationPipe(zUuid)) sessionId: string) {
    await this.auth.revokeSession(principal, sessionId);
  }

  @Post('auth/password')
  @SignedIn()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change my password; my other sessions end' })
  @ApiZodBody(changePasswordSchema)
  @ApiErrors(400, 422)
  @ApiNoContent()
  async changePassword(@CurrentPrincipal() principal: Principal, @ZodBody(changePasswordSchema) body: z.infer<typeof changePasswordSchema>) {
    await this.auth.changePassword(principal, body.currentPassword, body.newPassword);
  }

  @Post('auth/password-reset')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Send a password reset link (same answer whether or not the email exists)' })
  @ApiZodBody(resetRequestSchema)
  @ApiErrors(400)
  @ApiZodResponse(202, passwordResetRequestedView, 'Accepted (the same answer whether or not the email exists)')
  requestReset(@ZodBody(resetRequestSchema) body: z.infer<typeof resetRequestSchema>) {
    return this.auth.requestPasswordReset(body.email);
  }

  @Post('auth/password-reset/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Choose a new password with a one-time reset token; every session ends' })
  @ApiZodBody(resetConfirmSchema)
  @ApiErrors(400, 422)
  @ApiNoContent()
  async confirmReset(@ZodBody(resetConfirmSchema) body: z.infer<typeof resetConfirmSchema>) {
    await this.auth.confirmPasswordReset(body.token, body.newPassword);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'My profile and workspaces with my role in each' })
  @ApiZodResponse(200, meView)
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
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
