import { rm } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import { Redis } from 'ioredis';
import request from 'supertest';
import type { Role } from '../../src/app.module';
import { createApiApp } from '../../src/bootstrap';
import type { AppConfig } from '../../src/core/config';
import { PrismaService } from '../../src/core/database';
import { testConfig } from './test-config';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  prisma: PrismaService;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application (real Postgres, real Redis) on an ephemeral port, with its own key prefix. */
export async function startTestApp(
  options: { roles?: Role[]; config?: Record<string, string> } = {},
): Promise<TestApp> {
  const config = testConfig(options.config);
  const app = await createApiApp(config, options.roles ?? ['api']);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    prisma: app.get(PrismaService),
    http: () => request(server),
    close: async () => {
      await app.close();
      await deleteRedisKeys(config);
      await rm(config.MAIL_OUTBOX_DIR, { recursive: true, force: true });
    },
  };
}

/** Removes every Redis key of a test's prefix. */
export async function deleteRedisKeys(config: AppConfig): Promise<void> {
  const redis = new Redis(config.REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.QUEUE_PREFIX}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
