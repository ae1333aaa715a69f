import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import { RateLimiter, RedisService } from '../core/queue';
import { AUTH_TEXT } from './auth.messages';

/**
 * Sign-in protection kept in Redis, so it holds across API instances: a per-address rate limit and
 * a lock-out after LOGIN_MAX_FAILURES failures within the lock-out window. The lock-out is per
 * account AND address: failures sent from one address lock that address out of that account only,
 * so nobody can lock a chosen colleague out by typing wrong passwords for them (docs/security.md, 10).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly redis: RedisService,
    private readonly limiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws 429 when this address tried too often, or is locked out of this account. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const verdict = await this.limiter.hit(['login', 'ip', ip], this.config.LOGIN_ATTEMPTS_PER_MINUTE, 60_000);
    if (!verdict.allowed) {
      throw AppError.tooManyRequests('login_rate_limited', AUTH_TEXT.tooManyAttempts, verdict.retryAfterSeconds, {
        seconds: verdict.retryAfterSeconds,
      });
    }
    const lockTtl = await this.redis.client.pttl(this.key('lock', email, ip));
    if (lockTtl > 0) {
      throw AppError.tooManyRequests('account_locked', AUTH_TEXT.locked, Math.ceil(lockTtl / 1000), {
        minutes: Math.ceil(lockTtl / 60_000),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const windowMs = this.config.LOGIN_LOCKOUT_MINUTES * 60_000;
    const failKey = this.key('fail', email, ip);
    const failures = await this.redis.client.incr(failKey);
    if (failures === 1) await this.redis.client.pexpire(failKey, windowMs);
    if (failures >= this.config.LOGIN_MAX_FAILURES) {
      await this.redis.client
        .multi()
        .set(this.key('lock', email, ip), '1', 'PX', windowMs)
        .del(failKey)
        .exec();
    }
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.redis.client.del(this.key('fail', email, ip));
  }

  private key(kind: 'fail' | 'lock', email: string, ip: string): string {
    return this.redis.key('login', kind, email, ip);
  }
}
