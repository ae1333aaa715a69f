import { Platform } from '../core/database';
import type { Publisher } from './publisher';
import { PublisherRegistry } from './publisher-registry';

// The registry reads only `platform` at start-up; a stand-in with that one field is enough here.
const standIn = (platform: Platform) => ({ platform }) as Publisher;
const all = Object.values(Platform);

describe('PublisherRegistry at start-up', () => {
  it('accepts exactly one publisher per platform of the schema', () => {
    expect(new PublisherRegistry(all.map(standIn)).platforms().sort()).toEqual([...all].sort());
  });

  it('refuses to start when a platform has no publisher, naming it', () => {
    const withoutFeed = all.filter((platform) => platform !== Platform.FEED).map(standIn);
    expect(() => new PublisherRegistry(withoutFeed)).toThrow(/No publisher is registered for FEED/);
  });

  it('refuses two publishers for one platform', () => {
    expect(() => new PublisherRegistry([...all.map(standIn), standIn(Platform.X)])).toThrow(/Two publishers/);
  });
});
