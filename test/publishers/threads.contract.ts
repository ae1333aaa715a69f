import { PlatformHttp } from '../../src/publishers';
import { buildThreadsAuthorizeUrl, exchangeThreadsCode } from '../../src/publishers/threads/threads-oauth';
import { ThreadsPublisher } from '../../src/publishers/threads/threads.publisher';
import { dropConnection, sendJson } from '../contracts/contract-server';
import { formParams, sendGraphError } from '../contracts/meta-graph/graph-contract';
import {
  account,
  content,
  expectNoSecrets,
  hostedImage,
  publishFailure,
  publishRequest,
  video,
} from './publish-request.fixture';
import { ThreadsContract } from '../contracts/threads/threads-contract';
import { testConfig, testEgress } from '../support/test-config';

describe('Threads publisher against the Threads API contract', () => {
  let server: ThreadsContract;
  let publisher: ThreadsPublisher;
  const userId = '2600000000001';
  let token = 'threads-token-secret';
  const threadsAccount = () => account('THREADS', { externalId: userId, credentials: { accessToken: token } });

  beforeAll(async () => {
    server = await new ThreadsContract().addUser(userId, { token, username: 'kspi', name: 'KSPI' }).start();
    publisher = new ThreadsPublisher(new PlatformHttp(testEgress()), testConfig({ THREADS_API_URL: server.apiUrl }), {
      intervalMs: 5,
      maxAttempts: 4,
    });
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.published.length = 0;
    server.nextOutcomes.length = 0;
    server.quotaUsage = 0;
  });

  it('publishes text: quota check, TEXT container, status FINISHED, threads_publish, permalink', async () => {
    const result = await publisher.publish(publishRequest(threadsAccount(), content({ text: 'Solidaritas buruh 💪🏽' })));
    expect(result).toEqual({
      externalId: server.published[0].id,
      url: `https://www.threads.net/@kspi/post/${server.published[0].id}/`,
    });
    const calls = server.requests.map((r) => `${r.method} ${r.path.replace(/\d{6,}/g, ':id')}`);
    expect(calls).toEqual([
      'GET /v1.0/:id/threads_publishing_limit',
      'POST /v1.0/:id/threads',
      'GET /v1.0/:id',
      'POST /v1.0/:id/threads_publish',
      'GET /v1.0/:id',
    ]);
    expect(formParams(server.requestsTo('POST', /\/threads$/)[0])).toEqual({
      media_type: 'TEXT',
      text: 'Solidaritas buruh 💪🏽',
    });
    expect(server.requestsTo('GET', /\/v1\.0\/\d+$/)[0].query.get('fields')).toBe('status,error_message');
    expect(server.requestsTo('POST', /threads_publish$/)[0].json).toMatchObject({ access_token: token });
    expect(server.requestsTo('POST', /threads_publish$/)[0].query.has('access_token')).toBe(false);
  });

  it('publishes an image and a carousel of image + video', async () => {
    const photo = hostedImage();
    await publisher.publish(publishRequest(threadsAccount(), content({ text: 'Foto', media: [photo] })));
    expect(formParams(server.requestsTo('POST', /\/threads$/)[0])).toEqual({
      media_type: 'IMAGE',
      image_url: photo.publicUrl,
      text: 'Foto',
    });
    server.requests.length = 0;
    const items = [hostedImage(), video()];
    server.nextOutcomes.push({ inProgressPolls: 0, final: 'FINISHED' }, { inProgressPolls: 2, final: 'FINISHED' });
    await publisher.publish(publishRequest(threadsAccount(), content({ text: 'Carousel', media: items })));
    const creates = server.requestsTo('POST', /\/threads$/).map(formParams);
    expect(creates[0]).toEqual({ media_type: 'IMAGE', image_url: items[0].publicUrl, is_carousel_item: 'true' });
    expect(creates[1]).toEqual({ media_type: 'VIDEO', video_url: items[1].publicUrl, is_carousel_item: 'true' });
    expect(creates[2]).toMatchObject({ media_type: 'CAROUSEL', text: 'Carousel' });
    expect(creates[2].children.split(',')).toHaveLength(2);
    expect(server.published).toHaveLength(2);
  });

  it('fails PERMANENT on a container ERROR (with error_message) and NOT_SENT on EXPIRED, without publishing', async () => {
    server.nextOutcomes.push({ inProgressPolls: 1, final: 'ERROR' });
    const error = await publishFailure(
      publisher.publish(publishRequest(threadsAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'PERMANENT',
    );
    expect(error).toMatchObject({ code: 'threads.container_error' });
    expect(error.message).toContain('Media download has failed');
    server.nextOutcomes.push({ inProgressPolls: 0, final: 'EXPIRED' });
    await publishFailure(
      publisher.publish(publishRequest(threadsAccount(), content({ text: 'x' }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(server.published).toHaveLength(0);
  });

  it('refuses over the 250-a-day quota as NOT_SENT_RETRYABLE rate limited', async () => {
    server.quotaUsage = 250;
    const error = await publishFailure(
      publisher.publish(publishRequest(threadsAccount(), content({ text: 'x' }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error).toMatchObject({ rateLimited: true, code: 'threads.quota_exhausted' });
    expect(error.message).toContain('250 of 250');
    expect(publisher.limits.rateBudget).toEqual({ posts: 250, windowMs: 86_400_000 });
  });

  it('maps Graph errors the same way as Facebook: AUTH, PERMANENT, rate limit with estimate, AMBIGUOUS on publish', async () => {
    await publishFailure(
      publisher.publish(
        publishRequest(
          account('THREADS', { externalId: userId, credentials: { accessToken: 'revoked' } }),
          content({ text: 'x' }),
        ),
      ),
      'AUTH',
    );
    server.failNext('POST', /threads_publish$/, (_req, res) =>
      sendGraphError(res, {
        status: 400,
        code: 4,
        message: 'Application request limit reached',
        headers: { 'x-app-usage': '{"call_count":100,"estimated_time_to_regain_access":3}' },
      }),
    );
    const limited = await publishFailure(
      publisher.publish(publishRequest(threadsAccount(), content({ text: 'x' }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(limited).toMatchObject({ rateLimited: true, retryAfterMs: 180_000 });
    server.failNext('POST', /threads_publish$/, (_req, res) => {
      // A read is sent once more on a fresh connection (docs/publishing.md, "Stale connections"): lose both.
      for (let i = 0; i < 2; i++) server.failNext('GET', /\/v1\.0\/\d+$/, (_r, inner) => dropConnection(inner));
      dropConnection(res);
    });
    await publishFailure(publisher.publish(publishRequest(threadsAccount(), content({ text: 'x' }))), 'AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('none');
  });

  it('resolves a lost threads_publish answer through the container: PUBLISHED is read back, FINISHED is published again, never twice', async () => {
    server.failNext('POST', /threads_publish$/, (req, res) => {
      server.publishContainer(formParams(req).creation_id, userId);
      dropConnection(res);
    });
    const published = await publisher.publish(publishRequest(threadsAccount(), content({ text: 'Sudah terbit' })));
    expect(published.externalId).toBe(server.published.at(-1)!.id);
    expect(server.requestsTo('GET', /\/threads$/)[0].query.get('fields')).toBe('id,text,timestamp');
    server.failNext('POST', /threads_publish$/, (_req, res) => dropConnection(res));
    const retried = await publisher.publish(publishRequest(threadsAccount(), content({ text: 'Belum terbit' })));
    expect(retried.externalId).toBe(server.published.at(-1)!.id);
    expect(server.published.map((m) => m.container.params.text)).toEqual(['Sudah terbit', 'Belum terbit']);
    expect(server.requestsTo('POST', /threads_publish$/)).toHaveLength(3);
  });

  it('still succeeds when only the permalink read fails after publishing (url null, never an error)', async () => {
    const originalPublish = server.published.length;
    // Plant the failure only after the container is done: fail the read that follows threads_publish.
    server.failNext('POST', /threads_publish$/, (_req, res) => {
      server.failNext('GET', /\/v1\.0\/\d+$/, (_r, innerRes) => dropConnection(innerRes));
      sendJson(res, 200, { id: '99999999' });
    });
    const result = await publisher.publish(publishRequest(threadsAccount(), content({ text: 'x' })));
    expect(result).toEqual({ externalId: '99999999', url: null });
    expect(server.published.length).toBe(originalPublish);
  });

  it('validates at most 5 distinct links (Threads refuses more since December 2025)', () => {
    const links = (n: number) => Array.from({ length: n }, (_, i) => `https://kspi.or.id/${i}`).join(' ');
    expect(publisher.validate(content({ text: `${links(5)} https://kspi.or.id/0` }))).toEqual([]);
    const tooMany = publisher.validate(content({ text: `${links(5)} kspi.id` }));
    expect(tooMany.map((i) => i.code)).toEqual(['threads.too_many_links']);
    expect(tooMany[0].message.id).toContain('tautan');
  });

  it('validates 500 graphemes and 20 media', () => {
    expect(publisher.validate(content({ text: '👩‍👩‍👧‍👦'.repeat(500) }))).toEqual([]);
    expect(publisher.validate(content({ text: 'a'.repeat(501) })).map((i) => i.code)).toEqual([
      'threads.text_too_long',
    ]);
    expect(
      publisher
        .validate(content({ text: 'x', media: Array.from({ length: 21 }, () => hostedImage()) }))
        .map((i) => i.code),
    ).toEqual(['threads.too_many_media']);
  });

  it('verifies credentials with GET /me and answers AUTH for a bad token', async () => {
    await expect(publisher.verifyCredentials(threadsAccount(), AbortSignal.timeout(5000))).resolves.toEqual({
      externalId: userId,
      displayName: 'KSPI',
      handle: 'kspi',
    });
    await publishFailure(
      publisher.verifyCredentials(
        account('THREADS', { credentials: { accessToken: 'nope' } }),
        AbortSignal.timeout(5000),
      ),
      'AUTH',
    );
  });

  it('refreshes a long-lived token (th_refresh_token) and then publishes with it; a revoked token is AUTH', async () => {
    const refreshed = await publisher.refreshCredentials(threadsAccount(), AbortSignal.timeout(5000));
    expect(refreshed.credentials.accessToken).toBe(`${token}-refreshed`);
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    token = String(refreshed.credentials.accessToken);
    await expect(
      publisher.publish(publishRequest(threadsAccount(), content({ text: 'setelah refresh' }))),
    ).resolves.toHaveProperty('externalId');
    const error = await publishFailure(
      publisher.refreshCredentials(
        account('THREADS', { credentials: { accessToken: 'old-token' } }),
        AbortSignal.timeout(5000),
      ),
      'AUTH',
    );
    expectNoSecrets(error, ['old-token']);
  });

  it('OAuth: builds the authorize URL and exchanges a code for a long-lived token and the user id', async () => {
    const url = new URL(buildThreadsAuthorizeUrl(server.app, 'st-9'));
    expect(url.origin + url.pathname).toBe('https://threads.net/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'th-app',
      redirect_uri: server.app.redirectUri,
      scope: 'threads_basic,threads_content_publish',
      response_type: 'code',
      state: 'st-9',
    });
    server.validCodes.set('code-1', userId);
    const connected = await exchangeThreadsCode(
      new PlatformHttp(testEgress()),
      server.apiUrl,
      server.app,
      'code-1',
      AbortSignal.timeout(5000),
    );
    expect(connected).toMatchObject({ externalId: userId, credentials: { accessToken: token } });
    expect(connected.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    const error = await publishFailure(
      exchangeThreadsCode(
        new PlatformHttp(testEgress()),
        server.apiUrl,
        server.app,
        'code-1',
        AbortSignal.timeout(5000),
      ),
      'PERMANENT',
    );
    expectNoSecrets(error, [server.app.appSecret]);
  });
});
