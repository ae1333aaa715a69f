import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config';
import { RateLimiter } from './rate-limiter';
import { RedisService } from './redis.service';

export const PUBLISH_QUEUE = 'publish';
export const MAINTENANCE_QUEUE = 'maintenance';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
      }),
    }),
    BullModule.registerQueue({ name: PUBLISH_QUEUE }, { name: MAINTENANCE_QUEUE }),
  ],
  providers: [RedisService, RateLimiter],
  exports: [BullModule, RedisService, RateLimiter],
})
export class QueueModule {}
