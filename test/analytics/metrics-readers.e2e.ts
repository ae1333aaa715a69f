import { BlueskyPublisher } from '../../src/publishers/bluesky';
import { BlueskyMetrics } from '../../src/publishers/bluesky/bluesky.metrics';
import { PlatformHttp } from '../../src/publishers';
import { MastodonMetrics } from '../../src/publishers/mastodon/mastodon.metrics';
import { XMetrics } from '../../src/publishers/x/x.metrics';
import { WordpressPublisher } from '../../src/publishers/wordpress';
import { WordpressMetrics } from '../../src/publishers/wordpress/wordpress.metrics';
import { XPublisher } from '../../src/publishers/x/x.publisher';
import { BlueskyContract } from '../contracts/bluesky/bluesky-contract';
import { BlueskyMetricsContract } from '../contracts/bluesky/bluesky-metrics-contract';
import { MastodonContract } from '../contracts/mastodon/mastodon-contract';
import { MastodonMetricsContract } from '../contracts/mastodon/mastodon-metrics-contract';
import { WordpressContract } from '../contracts/wordpress/wordpress-contract';
import { WordpressMetricsContract } from '../contracts/wordpress/wordpress-metrics-contract';
import { XContract } from '../contracts/x/x-contract';
import { XMetricsContract } from '../contracts/x/x-metrics-contract';
import { account, failure, publishRequest } from '../publishers/publish-request.fixture';
import { testConfig, testEgress } from '../support/test-config';

const signal = () => new AbortController().signal;

describe("metrics readers against the platforms' contracts", () => {
  const http = new PlatformHttp(testEgress());

  describe('Mastodon: GET /api/v1/statuses/:id', () => {
    let instance: MastodonContract;
    let metrics: MastodonMetricsContract;
    const reader = () => new MastodonMetrics(http, testConfig());
    const kspi = (token = 'm-token') =>
      account('MASTODON', { baseUrl: instance.baseUrl, credentials: { accessToken: token } });

    beforeAll(async () => {
      instance = await new MastodonContract().start();
      instance.tokens.set('m-token', { accountId: '1', scopes: ['read', 'write'] });
      metrics = new MastodonMetricsContract(instance);
    });
    afterAll(() => instance.stop());

    it('reads favourites, reblogs and replies (and quotes where the server has them)', async () => {
      instance.statuses.push({
        id: '901',
        url: 'u',
        uri: 'u',
        content: 'c',
        mediaIds: [],
        visibility: 'public',
        accountId: '1',
        createdAt: new Date(),
      });
      metrics.counts.set('901', { favourites_count: 40, reblogs_count: 7, replies_count: 3, quotes_count: 1 });
      await expect(reader().read(kspi(), '901', signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 40, reposts: 7, replies: 3, quotes: 1 },
      });
    });

    it('maps a 404 to DELETED, a 401 to AUTH and a 429 to a rate-limited wait until X-RateLimit-Reset', async () => {
      await expect(reader().read(kspi(), '404404', signal())).resolves.toEqual({ state: 'DELETED' });
      expect((await failure(reader().read(kspi('bad'), '901', signal()))).kind).toBe('AUTH');
      metrics.failNext(429, 30);
      const limited = await failure(reader().read(kspi(), '901', signal()));
      expect(limited).toMatchObject({ kind: 'NOT_SENT_RETRYABLE', rateLimited: true });
      expect(limited.retryAfterMs).toBeGreaterThan(25_000);
      metrics.failNext(503);
      expect(await failure(reader().read(kspi(), '901', signal()))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: false,
      });
    });
  });

  describe('Bluesky: app.bsky.feed.getPosts', () => {
    let pds: BlueskyContract;
    let metrics: BlueskyMetricsContract;
    const DID = 'did:plc:kspimetrics';
    const kspi = () =>
      account('BLUESKY', {
        baseUrl: pds.baseUrl,
        credentials: { identifier: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
      });

    beforeAll(async () => {
      pds = await new BlueskyContract().start();
      pds.addAccount({ did: DID, handle: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
      metrics = new BlueskyMetricsContract(pds);
    });
    afterAll(() => pds.stop());

    it('reads likes, reposts, replies and quotes of a post the publisher made; a deleted one is DELETED', async () => {
      const config = testConfig({ BLUESKY_SERVICE_URL: pds.baseUrl });
      const published = await new BlueskyPublisher(http, config).publish(
        publishRequest(kspi(), { text: 'Hidup buruh!' }),
      );
      metrics.counts.set(published.externalId, { likeCount: 9, repostCount: 2, replyCount: 1, quoteCount: 0 });
      const reader = new BlueskyMetrics(http, config);
      await expect(reader.read(kspi(), published.externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 9, reposts: 2, replies: 1, quotes: 0 },
      });
      metrics.deleted.add(published.externalId);
      await expect(reader.read(kspi(), published.externalId, signal())).resolves.toEqual({ state: 'DELETED' });
      metrics.failNext(429);
      expect(await failure(reader.read(kspi(), published.externalId, signal()))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: true,
      });
    });
  });

  describe('X: GET /2/tweets with public_metrics', () => {
    let x: XContract;
    let metrics: XMetricsContract;
    const user = { id: '1500000000000000077', name: 'KSPI', username: 'kspi_id' };
    const kspi = (token = 'x-access') =>
      account('X', { externalId: user.id, handle: '@kspi_id', credentials: { accessToken: token } });

    beforeAll(async () => {
      x = await new XContract().addUser(user, 'x-access').start();
      metrics = new XMetricsContract(x);
    });
    afterAll(() => x.stop());

    it('reads public_metrics, reports a deleted post, and waits for the window on 429', async () => {
      const config = testConfig({ X_API_URL: x.baseUrl });
      const published = await new XPublisher(http, config).publish(
        publishRequest(kspi(), { text: 'Tolak outsourcing' }),
      );
      metrics.metrics.set(published.externalId, {
        retweet_count: 5,
        reply_count: 4,
        like_count: 30,
        quote_count: 2,
        bookmark_count: 1,
        impression_count: 1200,
      });
      const reader = new XMetrics(http, config);
      await expect(reader.read(kspi(), published.externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 30, reposts: 5, replies: 4, quotes: 2, saves: 1, impressions: 1200 },
      });
      expect(
        x
          .requestsTo('GET', /^\/2\/tweets$/)
          .at(-1)!
          .query.get('tweet.fields'),
      ).toBe('public_metrics');
      metrics.deleted.add(published.externalId);
      await expect(reader.read(kspi(), published.externalId, signal())).resolves.toEqual({ state: 'DELETED' });
      expect((await failure(reader.read(kspi('revoked'), published.externalId, signal()))).kind).toBe('AUTH');
      metrics.window = { limit: 15, remaining: 0, reset: Math.floor(Date.now() / 1000) + 600 };
      const limited = await failure(reader.read(kspi(), published.externalId, signal()));
      expect(limited).toMatchObject({ kind: 'NOT_SENT_RETRYABLE', rateLimited: true });
      expect(limited.retryAfterMs).toBeGreaterThan(590_000);
    });
  });
  describe('WordPress: comment count (X-WP-Total)', () => {
    let site: WordpressContract;
    let metrics: WordpressMetricsContract;
    const APP = 'abcdEFGH1234ijklMNOP5678';
    const editor = (password = APP) =>
      account('WORDPRESS', {
        baseUrl: `${site.baseUrl}/`,
        credentials: { username: 'redaksi', applicationPassword: password },
      });

    beforeAll(async () => {
      site = await new WordpressContract().start();
      site.users.push({ id: 7, username: 'redaksi', name: 'Redaksi Serikat', appPassword: APP, canPublish: true });
      metrics = new WordpressMetricsContract(site);
    });
    afterAll(() => site.stop());

    it('reads the comments of a published article; a trashed or missing one is DELETED; a wrong password is AUTH', async () => {
      const config = testConfig();
      const published = await new WordpressPublisher(http, config).publish(
        publishRequest(editor(), { title: 'Upah layak', text: 'Isi artikel.' }),
      );
      metrics.comments.set(Number(published.externalId), 14);
      const reader = new WordpressMetrics(http, config);
      await expect(reader.read(editor(), published.externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { comments: 14 },
      });
      site.posts.find((p) => p.id === Number(published.externalId))!.status = 'trash';
      await expect(reader.read(editor(), published.externalId, signal())).resolves.toEqual({ state: 'DELETED' });
      await expect(reader.read(editor(), '999999', signal())).resolves.toEqual({ state: 'DELETED' });
      expect((await failure(reader.read(editor('salah'), published.externalId, signal()))).kind).toBe('AUTH');
    });
  });
});
