import { Global, Module } from '@nestjs/common';
import { AnonymousThrottleGuard } from './anonymous-throttle';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BrowserSession } from './browser-session';
import { CredentialsRepository } from './credentials.repository';
import { AuthGuard, WorkspaceGuard } from './guards';
import { ObjectScopesRepository } from './object-scopes.repository';
import { LoginThrottleService } from './login-throttle.service';

/** Global so every feature module's controllers can use @WorkspaceRoute / @SignedIn guards. */
@Global()
@Module({
  controllers: [AuthController, ApiTokensController],
  providers: [
    AuthService,
    BrowserSession,
    ApiTokensService,
    CredentialsRepository,
    ObjectScopesRepository,
    LoginThrottleService,
    AuthGuard,
    WorkspaceGuard,
    AnonymousThrottleGuard,
  ],
  exports: [
    AuthService,
    BrowserSession,
    CredentialsRepository,
    ObjectScopesRepository,
    AuthGuard,
    WorkspaceGuard,
    AnonymousThrottleGuard,
  ],
})
export class AuthModule {}
