import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '../core/database';
import type { PostMetricsReader } from './post-metrics';

export const METRICS_READERS = Symbol('METRICS_READERS');

/** Metrics readers keyed by platform: a platform without one gives "not available". */
@Injectable()
export class MetricsReaderRegistry {
  private readonly byPlatform: Map<Platform, PostMetricsReader>;

  constructor(@Inject(METRICS_READERS) readers: PostMetricsReader[]) {
    this.byPlatform = new Map(readers.map((reader) => [reader.platform, reader]));
  }

  find(platform: Platform): PostMetricsReader | null {
    return this.byPlatform.get(platform) ?? null;
  }

  platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }
}
