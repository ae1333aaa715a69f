import { PlatformHttp } from '../../src/publishers';
import { FacebookMetrics } from '../../src/publishers/facebook/facebook.metrics';
import { FacebookPublisher } from '../../src/publishers/facebook/facebook.publisher';
import { InstagramMetrics } from '../../src/publishers/instagram/instagram.metrics';
import { InstagramPublisher } from '../../src/publishers/instagram/instagram.publisher';
import { LinkedInMetrics } from '../../src/publishers/linkedin/linkedin.metrics';
import { LinkedInPublisher } from '../../src/publishers/linkedin/linkedin.publisher';
import { ThreadsMetrics } from '../../src/publishers/threads/threads.metrics';
import { ThreadsPublisher } from '../../src/publishers/threads/threads.publisher';
import { sendJson } from '../contracts/contract-server';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
import { FacebookMetricsContract } from '../contracts/facebook/facebook-metrics-contract';
import { InstagramContract } from '../contracts/instagram/instagram-contract';
import { LinkedInContract } from '../contracts/linkedin/linkedin-contract';
import { LinkedInMetricsContract } from '../contracts/linkedin/linkedin-metrics-contract';
import { sendGraphError } from '../contracts/meta-graph/graph-contract';
import {
  INSTAGRAM_INSIGHTS,
  MediaInsightsContract,
  THREADS_INSIGHTS,
} from '../contracts/meta-graph/media-insights-contract';
import { ThreadsContract } from '../contracts/threads/threads-contract';
import { account, failure, image, publishRequest } from '../publishers/publish-request.fixture';
import { testConfig, testEgress } from '../support/test-config';

const signal = () => new AbortController().signal;
const polling = { intervalMs: 5, maxAttempts: 5 };
const THROTTLED = {
  status: 400,
  code: 32,
  message: 'Page request limit reached',
  headers: {
    'x-business-use-case-usage': JSON.stringify({
      '1': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 7 }],
    }),
  },
};

describe('metrics readers against the Meta and LinkedIn contracts', () => {
  const http = new PlatformHttp(testEgress());

  describe('Facebook Pages: reactions, comments and shares summaries, reach from post insights', () => {
    let fb: FacebookContract;
    let metrics: FacebookMetricsContract;
    const page = { id: '1029384756', name: 'KSPI Pusat', username: 'kspi.pusat', pageAccessToken: 'page-token' };
    const kspi = (token = page.pageAccessToken) =>
      account('FACEBOOK', { externalId: page.id, credentials: { pageAccessToken: token } });
    const config = () => testConfig({ GRAPH_API_URL: fb.apiUrl });

    beforeAll(async () => {
      fb = await new FacebookContract().addPage(page).start();
      metrics = new FacebookMetricsContract(fb);
    });
    afterAll(() => fb.stop());

    it('reads the summaries and the reach (post_total_media_view_unique, not the deprecated post_impressions_unique)', async () => {
      const { externalId } = await new FacebookPublisher(http, config()).publish(
        publishRequest(kspi(), { text: 'Tolak upah murah' }),
      );
      metrics.counts.set(externalId, { reactions: 41, comments: 6, shares: 3 });
      metrics.reach.set(externalId, 1500);
      metrics.insightPages.add(page.id);
      const reader = new FacebookMetrics(http, config());
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { reactions: 41, comments: 6, shares: 3, reach: 1500 },
      });
      expect(
        fb
          .requestsTo('GET', /\/insights$/)
          .at(-1)!
          .query.get('metric'),
      ).toBe('post_total_media_view_unique');
      // Nobody shared it yet: Meta leaves `shares` out, which is a 0; without read_insights the reach stays unknown.
      metrics.counts.set(externalId, { reactions: 2, comments: 0, shares: 0 });
      metrics.insightPages.delete(page.id);
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { reactions: 2, comments: 0, shares: 0 },
      });
    });

    it('a deleted post is DELETED, a lost pages_read_engagement NOT_AVAILABLE, a bad token AUTH, throttling waits for Meta', async () => {
      const { externalId } = await new FacebookPublisher(http, config()).publish(
        publishRequest(kspi(), { text: 'Mogok nasional' }),
      );
      const reader = new FacebookMetrics(http, config());
      metrics.noEngagement.add(page.id);
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({ state: 'NOT_AVAILABLE' });
      metrics.noEngagement.delete(page.id);
      expect((await failure(reader.read(kspi('revoked'), externalId, signal()))).kind).toBe('AUTH');
      fb.failNext('GET', new RegExp(`/${externalId}$`), (_req, res) => sendGraphError(res, THROTTLED));
      const limited = await failure(reader.read(kspi(), externalId, signal()));
      expect(limited).toMatchObject({ kind: 'NOT_SENT_RETRYABLE', rateLimited: true, retryAfterMs: 7 * 60_000 });
      fb.failNext('GET', new RegExp(`/${externalId}$`), (_req, res) =>
        sendGraphError(res, { status: 500, code: 2, message: 'Service temporarily unavailable', isTransient: true }),
      );
      expect(await failure(reader.read(kspi(), externalId, signal()))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: false,
      });
      metrics.deleted.add(externalId);
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({ state: 'DELETED' });
    });
  });

  describe('Instagram: media insights', () => {
    let ig: InstagramContract;
    let insights: MediaInsightsContract;
    const igUserId = '17841400000000001';
    const kspi = (token = 'ig-token') =>
      account('INSTAGRAM', { externalId: igUserId, credentials: { accessToken: token } });
    const config = () => testConfig({ GRAPH_API_URL: ig.apiUrl });
    const publish = async () =>
      (
        await new InstagramPublisher(http, config(), polling).publish(
          publishRequest(kspi(), { text: 'Mogok #TolakOmnibus', media: [image('poster')] }),
        )
      ).externalId;

    beforeAll(async () => {
      ig = await new InstagramContract()
        .addUser(igUserId, { token: 'ig-token', username: 'kspi_official', name: 'KSPI' })
        .start();
      insights = new MediaInsightsContract(ig, INSTAGRAM_INSIGHTS);
    });
    afterAll(() => ig.stop());

    it('reads reach, views, likes, comments, saved and shares; a metric Meta leaves out stays unknown', async () => {
      const mediaId = await publish();
      insights.granted.add('ig-token');
      insights.values.set(mediaId, { reach: 900, views: 1400, likes: 120, comments: 9, saved: 14 });
      const reader = new InstagramMetrics(http, config());
      await expect(reader.read(kspi(), mediaId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { reach: 900, views: 1400, likes: 120, comments: 9, saves: 14 },
      });
      const metric = ig
        .requestsTo('GET', /\/insights$/)
        .at(-1)!
        .query.get('metric')!;
      expect(metric.split(',')).not.toContain('impressions');
    });

    it('without instagram_manage_insights, or with too few viewers, falls back to like_count and comments_count', async () => {
      const mediaId = await publish();
      insights.publicCounts.set(mediaId, { like_count: 33, comments_count: 4 });
      const reader = new InstagramMetrics(http, config());
      insights.granted.delete('ig-token');
      await expect(reader.read(kspi(), mediaId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 33, comments: 4 },
      });
      insights.granted.add('ig-token');
      insights.tooFewViewers.add(mediaId);
      await expect(reader.read(kspi(), mediaId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 33, comments: 4 },
      });
    });

    it('a deleted media is DELETED, an invalid token AUTH, app throttling (code 4) a rate-limited wait', async () => {
      const mediaId = await publish();
      const reader = new InstagramMetrics(http, config());
      expect((await failure(reader.read(kspi('expired'), mediaId, signal()))).kind).toBe('AUTH');
      ig.failNext('GET', /\/insights$/, (_req, res) =>
        sendGraphError(res, { ...THROTTLED, code: 4, message: 'Application request limit reached' }),
      );
      expect(await failure(reader.read(kspi(), mediaId, signal()))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: true,
      });
      insights.deleted.add(mediaId);
      await expect(reader.read(kspi(), mediaId, signal())).resolves.toEqual({ state: 'DELETED' });
    });
  });

  describe('Threads: media insights', () => {
    let threads: ThreadsContract;
    let insights: MediaInsightsContract;
    const userId = '7001';
    const kspi = (token = 'th-token') =>
      account('THREADS', { externalId: userId, credentials: { accessToken: token } });
    const config = () => testConfig({ THREADS_API_URL: threads.apiUrl });

    beforeAll(async () => {
      threads = await new ThreadsContract()
        .addUser(userId, { token: 'th-token', username: 'kspi', name: 'KSPI' })
        .start();
      insights = new MediaInsightsContract(threads, THREADS_INSIGHTS);
    });
    afterAll(() => threads.stop());

    it('reads views, likes, replies, reposts, quotes and shares; without threads_manage_insights it is NOT_AVAILABLE; deleted is DELETED', async () => {
      const { externalId } = await new ThreadsPublisher(http, config(), polling).publish(
        publishRequest(kspi(), { text: 'Hidup buruh!' }),
      );
      const reader = new ThreadsMetrics(http, config());
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({ state: 'NOT_AVAILABLE' });
      insights.granted.add('th-token');
      insights.values.set(externalId, { views: 800, likes: 50, replies: 7, reposts: 5, quotes: 1, shares: 2 });
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { views: 800, likes: 50, replies: 7, reposts: 5, quotes: 1, shares: 2 },
      });
      expect((await failure(reader.read(kspi('revoked'), externalId, signal()))).kind).toBe('AUTH');
      insights.deleted.add(externalId);
      await expect(reader.read(kspi(), externalId, signal())).resolves.toEqual({ state: 'DELETED' });
    });
  });

  describe('LinkedIn: social actions summary', () => {
    let li: LinkedInContract;
    let metrics: LinkedInMetricsContract;
    const member = { sub: 'aBcD123', name: 'Siti Buruh', adminOf: ['5550001'] };
    const org = (token = 'li-token') =>
      account('LINKEDIN', { externalId: 'urn:li:organization:5550001', credentials: { accessToken: token } });
    const config = () => testConfig({ LINKEDIN_API_URL: li.baseUrl });

    beforeAll(async () => {
      li = await new LinkedInContract().addMember(member, 'li-token').start();
      li.organizations.set('5550001', { localizedName: 'KSBSI', vanityName: 'ksbsi' });
      metrics = new LinkedInMetricsContract(li);
    });
    afterAll(() => li.stop());

    it('reads totalLikes and aggregatedTotalComments; 403 is NOT_AVAILABLE, 401 AUTH, 404 DELETED, 429 a wait', async () => {
      const { externalId } = await new LinkedInPublisher(http, config()).publish(
        publishRequest(org(), { text: 'Upah layak untuk semua' }),
      );
      const reader = new LinkedInMetrics(http, config());
      await expect(reader.read(org(), externalId, signal())).resolves.toEqual({ state: 'NOT_AVAILABLE' });
      metrics.mayRead.add(member.sub);
      metrics.summaries.set(externalId, { likes: 25, comments: 8, firstLevelComments: 5 });
      await expect(reader.read(org(), externalId, signal())).resolves.toEqual({
        state: 'OK',
        counts: { likes: 25, comments: 8 },
      });
      const call = li.requestsTo('GET', /socialActions/).at(-1)!;
      expect(call.path).toBe(`/rest/socialActions/${encodeURIComponent(externalId)}`);
      expect(call.headers['linkedin-version']).toMatch(/^\d{6}$/);
      expect((await failure(reader.read(org('revoked'), externalId, signal()))).kind).toBe('AUTH');
      li.failNext('GET', /socialActions/, (_req, res) =>
        sendJson(
          res,
          429,
          { status: 429, code: 'TOO_MANY_REQUESTS', message: 'Resource level throttle limit reached' },
          { 'retry-after': '120' },
        ),
      );
      expect(await failure(reader.read(org(), externalId, signal()))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: true,
        retryAfterMs: 120_000,
      });
      metrics.deleted.add(externalId);
      await expect(reader.read(org(), externalId, signal())).resolves.toEqual({ state: 'DELETED' });
    });
  });
});
