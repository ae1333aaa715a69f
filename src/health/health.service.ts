import { Injectable } from '@nestjs/common';
import { RedisService } from '../core/queue';
import { HealthRepository } from './health.repository';

interface Check {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { postgres: Check; redis: Check };
}

const CHECK_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(
    private readonly database: HealthRepository,
    private readonly redis: RedisService,
  ) {}

  async readiness(): Promise<ReadinessReport> {
    const [postgres, redis] = await Promise.all([
      timed(() => this.database.ping()),
      timed(() => this.redis.client.ping()),
    ]);
    return { status: postgres.ok && redis.ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}

async function timed(check: () => Promise<unknown>): Promise<Check> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
