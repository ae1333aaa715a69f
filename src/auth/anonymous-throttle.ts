import {
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  UseGuards,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import { ApiErrors } from '../core/http';
import { RateLimiter } from '../core/queue';
import { AUTH_TEXT } from './auth.messages';
import type { GaungRequest } from './auth-context';

const WINDOW_MS = 10 * 60_000;

/**
 * Anonymous routes that hash a password (registration, invitation acceptance, reset confirmation)
 * share one budget per client address: ANONYMOUS_LIMIT requests per 10 minutes, counted in Redis
 * so it holds across API instances, checked before any hashing (docs/security.md, rule 10).
 */
@Injectable()
export class AnonymousThrottleGuard implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GaungRequest>();
    const verdict = await this.limiter.hit(
      ['anonymous', request.ip ?? 'unknown'],
      this.config.ANONYMOUS_LIMIT,
      WINDOW_MS,
    );
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      throw AppError.tooManyRequests('anonymous_rate_limited', AUTH_TEXT.tooManyAnonymous, verdict.retryAfterSeconds, {
        minutes,
      });
    }
    return true;
  }
}

/** An anonymous route that costs a password hash: rate limited per client address. */
export function ExpensiveAnonymous() {
  return applyDecorators(UseGuards(AnonymousThrottleGuard), ApiErrors(429));
}
