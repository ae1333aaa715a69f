import { Injectable } from '@nestjs/common';
import { RedisService } from './redis.service';

export interface RateLimitVerdict {
  allowed: boolean;
  /** Whole seconds until the window ends (at least 1): the Retry-After to answer with. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, so a limit holds across every API instance. Each call counts one
 * attempt in the bucket named by `parts` (under the deployment's key prefix).
 */
@Injectable()
export class RateLimiter {
  constructor(private readonly redis: RedisService) {}

  async hit(parts: string[], limit: number, windowMs: number): Promise<RateLimitVerdict> {
    const key = this.redis.key('limit', ...parts);
    const [[, count], [, ttl]] = (await this.redis.client.multi().incr(key).pttl(key).exec()) as [
      [null, number],
      [null, number],
    ];
    // A key without expiry is a fresh window (or one left by a crash between INCR and PEXPIRE).
    if (ttl < 0) await this.redis.client.pexpire(key, windowMs);
    const remainingMs = ttl > 0 ? ttl : windowMs;
    return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) };
  }
}
