import { Inject, Injectable } from '@nestjs/common';
import { Platform } from '../core/database';
import type { Publisher } from './publisher';
import type { PublisherClass } from './publisher-classes';

export const PUBLISHERS = Symbol('PUBLISHERS');

/**
 * Publishers keyed by platform: exactly one for each value of the schema's Platform enum. A
 * platform without a publisher (or with two) stops the start-up, rather than leaving its
 * deliveries unclaimed at run time.
 */
@Injectable()
export class PublisherRegistry {
  private readonly byPlatform: Map<Platform, Publisher>;

  constructor(@Inject(PUBLISHERS) publishers: Publisher[]) {
    this.byPlatform = new Map(publishers.map((publisher) => [publisher.platform, publisher]));
    const missing = Object.values(Platform).filter((platform) => !this.byPlatform.has(platform));
    if (missing.length > 0)
      throw new Error(`No publisher is registered for ${missing.join(', ')} (src/publishers/publisher-classes.ts)`);
    if (this.byPlatform.size !== publishers.length)
      throw new Error('Two publishers are registered for one platform (src/publishers/publisher-classes.ts)');
    for (const publisher of publishers) {
      const declared = (publisher.constructor as Partial<PublisherClass>).connect?.platform;
      if (declared && declared !== publisher.platform)
        throw new Error(
          `${publisher.constructor.name} publishes to ${publisher.platform} but its connect method is for ${declared}`,
        );
    }
  }

  get(platform: Platform): Publisher {
    const publisher = this.byPlatform.get(platform);
    if (!publisher) throw new Error(`No publisher is registered for ${platform}`);
    return publisher;
  }

  platforms(): Platform[] {
    return [...this.byPlatform.keys()];
  }
}
