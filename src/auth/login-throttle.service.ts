import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { AppError } from '../core/errors';
import { RedisService } from '../core/queue';
import { AUTH_TEXT } from './auth.messages';

const ATTEMPTS_PER_IP_PER_MINUTE = 30;

/**
 * Sign-in protection kept in Redis, so it holds across API instances: a per-address rate limit and
 * a per-account lock-out after LOGIN_MAX_FAILURES failures within the lock-out window.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws 429 when this address tried too often or the account is locked. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const ipKey = this.redis.key('login', 'ip', ip);
    const [[, count], [, ttl]] = (await this.redis.client.multi().incr(ipKey).pttl(ipKey).exec()) as [
      [null, number],
      [null, number],
    ];
    if (ttl < 0) await this.redis.client.pexpire(ipKey, 60_000);
    if (count > ATTEMPTS_PER_IP_PER_MINUTE) {
      throw AppError.tooManyRequests('login_rate_limited', AUTH_TEXT.tooManyAttempts, {
        seconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : 60_000) / 1000)),
      });
    }
    const lockTtl = await this.redis.client.pttl(this.lockKey(email));
    if (lockTtl > 0) {
      throw AppError.tooManyRequests('account_locked', AUTH_TEXT.locked, { minutes: Math.ceil(lockTtl / 60_000) });
    }
  }

  async recordFailure(email: string): Promise<void> {
    const windowMs = this.config.LOGIN_LOCKOUT_MINUTES * 60_000;
    const failKey = this.redis.key('login', 'fail', email);
    const failures = await this.redis.client.incr(failKey);
    if (failures === 1) await this.redis.client.pexpire(failKey, windowMs);
    if (failures >= this.config.LOGIN_MAX_FAILURES) {
      await this.redis.client.multi().set(this.lockKey(email), '1', 'PX', windowMs).del(failKey).exec();
    }
  }

  async recordSuccess(email: string): Promise<void> {
    await this.redis.client.del(this.redis.key('login', 'fail', email));
  }

  private lockKey(email: string): string {
    return this.redis.key('login', 'lock', email);
  }
}
