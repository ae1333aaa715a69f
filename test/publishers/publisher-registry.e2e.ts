import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../src/core/config';
import { DatabaseModule, Platform } from '../../src/core/database';
import { EgressModule } from '../../src/core/egress';
import { PublisherRegistry, PublishersModule } from '../../src/publishers';
import { BlueskyPublisher } from '../../src/publishers/bluesky';
import { MastodonPublisher } from '../../src/publishers/mastodon';
import { TelegramPublisher } from '../../src/publishers/telegram';
import { WordpressPublisher } from '../../src/publishers/wordpress';
import { testConfig } from '../support/test-config';

// How the app wires its publishers (the contract tests, *.contract.ts, build each one directly).
describe('publisher registry wiring', () => {
  it('resolves a publisher for every platform through Nest, with the configured API URLs', async () => {
    const moduleRef = await Test.createTestingModule({
      // DatabaseModule: the built-in FEED publisher, registered alongside, needs Prisma.
      imports: [
        ConfigModule.forRoot(testConfig({ GRAPH_API_URL: 'http://127.0.0.1:9/v23.0' })),
        DatabaseModule,
        EgressModule,
        PublishersModule,
      ],
    }).compile();
    const registry = moduleRef.get(PublisherRegistry);
    for (const platform of Object.values(Platform)) {
      expect(registry.platforms()).toContain(platform);
      expect(registry.get(platform).platform).toBe(platform);
    }
    expect(registry.get('MASTODON')).toBeInstanceOf(MastodonPublisher);
    expect(registry.get('BLUESKY')).toBeInstanceOf(BlueskyPublisher);
    expect(registry.get('TELEGRAM')).toBeInstanceOf(TelegramPublisher);
    expect(registry.get('WORDPRESS')).toBeInstanceOf(WordpressPublisher);
    expect(registry.get('X').ambiguousRetry).toBe('lookup');
    expect(typeof registry.get('X').findPublished).toBe('function');
    expect(registry.get('INSTAGRAM').limits.rateBudget).toEqual({ posts: 50, windowMs: 86_400_000 });
    await moduleRef.close();
  });
});
