export { MAINTENANCE_QUEUE, PUBLISH_QUEUE, QueueModule } from './queue.module';
export { RedisService } from './redis.service';
export { RateLimiter, type RateLimitVerdict } from './rate-limiter';
