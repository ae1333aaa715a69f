import { Inject, Injectable } from '@nestjs/common';
import type { Platform } from '../core/database';
import type { Publisher } from './publisher';

export const PUBLISHERS = Symbol('PUBLISHERS');

/** Publishers keyed by platform. */
@Injectable()
export class PublisherRegistry {
  private readonly byPlatform: Map<Platform, Publisher>;

  constructor(@Inject(PUBLISHERS) publishers: Publisher[]) {
    this.byPlatform = new Map(publishers.map((publisher) => [publisher.platform, publisher]));
  }

  get(platform: Platform): Publisher {
    const publisher = this.byPlatform.get(platform);
    if (!publisher) throw new Error(`No publisher is registered for ${platform}`);
    return publisher;
  }

  has(platform: Platform): boolean {
    return this.byPlatform.has(platform);
  }

  platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }
}
