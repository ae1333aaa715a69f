import { Test } from '@nestjs/testing';
import { ConfigModule } from '../../src/core/config';
import { DatabaseModule } from '../../src/core/database';
import { EgressModule } from '../../src/core/egress';
import { PublisherRegistry, PublishersModule } from '../../src/publishers';
import { testConfig } from '../support/test-config';

// Wiring of the Meta (Facebook, Instagram, Threads), X and LinkedIn publishers into the registry.
describe('publisher registry wiring for Facebook, Instagram, Threads, X and LinkedIn', () => {
  it('resolves every publisher through Nest with the configured API URLs', async () => {
    const moduleRef = await Test.createTestingModule({
      // DatabaseModule: the built-in FEED publisher, registered alongside, needs Prisma.
      imports: [ConfigModule.forRoot(testConfig({ GRAPH_API_URL: 'http://127.0.0.1:9/v23.0' })), DatabaseModule, EgressModule, PublishersModule],
    }).compile();
    const registry = moduleRef.get(PublisherRegistry);
    for (const platform of ['FACEBOOK', 'INSTAGRAM', 'THREADS', 'X', 'LINKEDIN'] as const) {
      expect(registry.platforms()).toContain(platform);
      expect(registry.get(platform).platform).toBe(platform);
    }
    expect(registry.get('X').ambiguousRetry).toBe('lookup');
    expect(typeof registry.get('X').findPublished).toBe('function');
    expect(registry.get('INSTAGRAM').limits.rateBudget).toEqual({ posts: 50, windowMs: 86_400_000 });
    await moduleRef.close();
  });
});
