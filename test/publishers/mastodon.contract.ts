import { PlatformHttp } from '../../src/publishers';
import {
  MastodonPublisher,
  exchangeMastodonCode,
  mastodonAuthorizeUrl,
  registerMastodonApp,
} from '../../src/publishers/mastodon';
import { MastodonContract } from '../contracts/mastodon/mastodon-contract';
import { testConfig, testEgress } from '../support/test-config';
import { account, content, failure, image, publishRequest } from './publish-request.fixture';

const TOKEN = 'mastodon-user-token-1';
const READ_ONLY = 'mastodon-read-only';

describe('MastodonPublisher against the Mastodon contract', () => {
  let instance: MastodonContract;
  let publisher: MastodonPublisher;
  const http = new PlatformHttp(testEgress());
  const kspi = (overrides = {}) =>
    account('MASTODON', { baseUrl: instance.baseUrl, credentials: { accessToken: TOKEN }, ...overrides });

  beforeAll(async () => {
    instance = await new MastodonContract().start();
    instance.tokens.set(TOKEN, { accountId: '1', scopes: ['read:accounts', 'write:statuses', 'write:media'] });
    instance.tokens.set(READ_ONLY, { accountId: '1', scopes: ['read'] });
    publisher = new MastodonPublisher(http, testConfig({ PUBLISH_TIMEOUT_MS: '1200' }));
  });
  afterAll(async () => {
    await instance.stop();
  });
  beforeEach(() => {
    instance.maxCharacters = 500;
    instance.mediaPollsUntilReady = 0;
  });

  it('posts a public status with the Idempotency-Key header and records id + URL', async () => {
    const request = publishRequest(kspi(), { text: 'Tolak upah murah! #MayDay' });
    const result = await publisher.publish(request);
    const status = instance.statuses.at(-1)!;
    expect(result).toEqual({ externalId: status.id, url: status.url });
    const call = instance.server.requestsTo('POST', /^\/api\/v1\/statuses$/).at(-1)!;
    expect(call.headers['idempotency-key']).toBe(request.idempotencyKey);
    expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(call.json).toEqual({ status: 'Tolak upah murah! #MayDay', media_ids: [], visibility: 'public' });
  });

  it('retries after a dropped connection without a second status (same key -> same status)', async () => {
    const request = publishRequest(kspi(), { text: 'Satu kali saja' });
    instance.failNextStatus({ kind: 'drop-after-create' });
    const first = await failure(publisher.publish(request));
    expect(first.kind).toBe('AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('lookup');
    const created = instance.statuses.filter((s) => s.idempotencyKey === request.idempotencyKey);
    expect(created).toHaveLength(1);
    const retry = await publisher.publish(request);
    expect(retry.externalId).toBe(created[0]!.id);
    expect(instance.statuses.filter((s) => s.content === 'Satu kali saja')).toHaveLength(1);
  });

  it('treats a status creation that never answers as AMBIGUOUS, and the retry finds the first status', async () => {
    const request = publishRequest(kspi(), { text: 'Menggantung' });
    instance.failNextStatus({ kind: 'hang-after-create' });
    expect((await failure(publisher.publish(request))).kind).toBe('AMBIGUOUS');
    const retry = await publisher.publish(request);
    expect(instance.statuses.filter((s) => s.content === 'Menggantung').map((s) => s.id)).toEqual([retry.externalId]);
  });

  describe('against a server that ignores Idempotency-Key', () => {
    const kspiWithId = () => kspi({ externalId: '1' });
    beforeEach(() => (instance.ignoresIdempotencyKey = true));
    afterEach(() => (instance.ignoresIdempotencyKey = false));

    it('after an ambiguous attempt that did post, the look-up finds the status and nothing is posted twice', async () => {
      const text = 'Aksi <damai> & "tertib"\nbersama @kawan@serikat.example\n\nhttps://serikat.test/aksi';
      const request = publishRequest(
        kspiWithId(),
        { text, media: [image('lk1', 'Barisan buruh')] },
        { scheduledAt: new Date(Date.now() - 1000) },
      );
      instance.failNextStatus({ kind: 'drop-after-create' });
      expect((await failure(publisher.publish(request))).kind).toBe('AMBIGUOUS');
      const posted = instance.statuses.filter((status) => status.content === text);
      expect(posted).toHaveLength(1);
      // What the engine does after an ambiguous outcome with ambiguousRetry 'lookup'.
      expect(await publisher.findPublished(request)).toEqual({ externalId: posted[0]!.id, url: posted[0]!.url });
      expect(instance.statuses.filter((status) => status.content === text)).toHaveLength(1);
      // The token has no read:statuses (made before Gaung asked for it): the public list is read without it.
      const reads = instance.server.requestsTo('GET', /^\/api\/v1\/accounts\/1\/statuses$/).slice(-2);
      expect(reads.map((read) => read.headers.authorization ?? null)).toEqual([`Bearer ${TOKEN}`, null]);
    });

    it("does not take another delivery's status: other media count, or older than the delivery's time", async () => {
      const older = publishRequest(kspiWithId(), { text: 'Pengumuman rapat' });
      await publisher.publish(older);
      const request = publishRequest(
        kspiWithId(),
        { text: 'Pengumuman rapat' },
        { scheduledAt: new Date(Date.now() + 10 * 60_000) },
      );
      expect(await publisher.findPublished(request)).toBeNull();
      const withImage = publishRequest(
        kspiWithId(),
        { text: 'Pengumuman rapat', media: [image('lk2')] },
        { scheduledAt: new Date(Date.now() - 60_000) },
      );
      expect(await publisher.findPublished(withImage)).toBeNull();
    });

    it('is UNCONFIRMED-bound (PERMANENT lookup_inconclusive) when the window cannot be read to its start', async () => {
      const request = publishRequest(kspiWithId(), { text: 'Tertimbun' }, { scheduledAt: new Date(Date.now() - 1000) });
      for (let i = 0; i < 121; i++) await publisher.publish(publishRequest(kspiWithId(), { text: `Isi ${i}` }));
      expect(await failure(publisher.findPublished(request))).toMatchObject({
        kind: 'PERMANENT',
        code: 'mastodon.lookup_inconclusive',
      });
      expect(await failure(publisher.findPublished(publishRequest(kspi(), { text: 'x' })))).toMatchObject({
        code: 'mastodon.lookup_inconclusive',
      });
    });
  });

  it("stops at the engine's abort signal with AMBIGUOUS, before its own timeout", async () => {
    const controller = new AbortController();
    instance.failNextStatus({ kind: 'hang-after-create' });
    setTimeout(() => controller.abort(), 100);
    const error = await failure(publisher.publish(publishRequest(kspi(), {}, { signal: controller.signal })));
    expect(error).toMatchObject({ kind: 'AMBIGUOUS', code: 'mastodon.aborted' });
  });

  it('uploads media with alt text and waits for asynchronous processing (202 then 206 polls)', async () => {
    instance.mediaPollsUntilReady = 2;
    const result = await publisher.publish(
      publishRequest(kspi(), { text: 'Foto', media: [image('m1', 'Ribuan buruh di depan DPR'), image('m2')] }),
    );
    const status = instance.statuses.at(-1)!;
    expect(result.externalId).toBe(status.id);
    expect(status.mediaIds).toHaveLength(2);
    expect(status.mediaIds.map((id) => instance.media.get(id)!.description)).toEqual([
      'Ribuan buruh di depan DPR',
      undefined,
    ]);
    expect(instance.media.get(status.mediaIds[0]!)!.bytes).toBe(72);
    const polls = instance.server.requestsTo('GET', /^\/api\/v1\/media\//);
    expect(polls.filter((p) => p.path.endsWith(status.mediaIds[0]!))).toHaveLength(2);
  });

  it('gives up waiting for media processing within the bound, NOT_SENT (no status posted)', async () => {
    instance.mediaPollsUntilReady = 1000;
    const before = instance.statuses.length;
    const error = await failure(publisher.publish(publishRequest(kspi(), { media: [image('slow')] })));
    expect(error).toMatchObject({ kind: 'NOT_SENT_RETRYABLE', code: 'mastodon.media_processing' });
    expect(instance.statuses.length).toBe(before);
  });

  it('maps a 5xx or lost connection during media upload to NOT_SENT (nothing was published)', async () => {
    instance.failNextMedia({ kind: 'error', status: 503, error: 'Service Unavailable' });
    expect(await failure(publisher.publish(publishRequest(kspi(), { media: [image('x')] })))).toMatchObject({
      kind: 'NOT_SENT_RETRYABLE',
      code: 'mastodon.503',
    });
    instance.failNextMedia({ kind: 'drop-after-create' });
    expect((await failure(publisher.publish(publishRequest(kspi(), { media: [image('x')] })))).kind).toBe(
      'NOT_SENT_RETRYABLE',
    );
  });

  it('maps a refused media file (422) to PERMANENT and posts nothing', async () => {
    const before = instance.statuses.length;
    instance.failNextMedia({ kind: 'error', status: 422, error: 'Validation failed: File content type is invalid' });
    expect(await failure(publisher.publish(publishRequest(kspi(), { media: [image('bad')] })))).toMatchObject({
      kind: 'PERMANENT',
      code: 'mastodon.422',
    });
    expect(instance.statuses.length).toBe(before);
  });

  it('maps 429 with X-RateLimit-Reset to a rate-limited NOT_SENT with the wait', async () => {
    instance.failNextStatus({ kind: 'rate-limited', resetInSeconds: 90 });
    const error = await failure(publisher.publish(publishRequest(kspi())));
    expect(error).toMatchObject({
      kind: 'NOT_SENT_RETRYABLE',
      code: 'mastodon.429',
      rateLimited: true,
      message: 'Too many requests',
    });
    expect(error.retryAfterMs).toBeGreaterThan(85_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
  });

  it.each([
    ['an invalid token (401)', { credentials: { accessToken: 'revoked' } }, 'mastodon.401'],
    ['a token without write scopes (403)', { credentials: { accessToken: READ_ONLY } }, 'mastodon.403'],
    ['no token', { credentials: {} }, 'mastodon.no_token'],
    ['no instance URL', { baseUrl: null }, 'mastodon.no_instance'],
  ])('maps %s to AUTH', async (_label, overrides, code) => {
    expect(await failure(publisher.publish(publishRequest(kspi(overrides))))).toMatchObject({ kind: 'AUTH', code });
  });

  it('maps 422 (text over the instance limit) to PERMANENT with the reason', async () => {
    const error = await failure(publisher.publish(publishRequest(kspi(), { text: 'a'.repeat(501) })));
    expect(error).toMatchObject({
      kind: 'PERMANENT',
      code: 'mastodon.422',
      httpStatus: 422,
      message: 'Validation failed: Text character limit of 500 exceeded',
    });
  });

  it('maps a 500 on status creation to AMBIGUOUS', async () => {
    instance.failNextStatus({ kind: 'error', status: 500, error: 'We are sorry, but something went wrong' });
    expect(await failure(publisher.publish(publishRequest(kspi())))).toMatchObject({
      kind: 'AMBIGUOUS',
      code: 'mastodon.500',
    });
  });

  it('verifies credentials and learns the instance character limit', async () => {
    instance.maxCharacters = 5000;
    const identity = await publisher.verifyCredentials(kspi(), new AbortController().signal);
    expect(identity).toEqual({
      externalId: '1',
      displayName: 'KSPI Pusat',
      handle: '@kspi@sosial.serikat.test',
      settings: { maxChars: 5000, maxMedia: 4 },
    });
  });

  describe('against a server that closes each connection after answering, without saying so', () => {
    beforeEach(() => (instance.server.closesSilently = true));
    afterEach(() => (instance.server.closesSilently = false));

    it('connects: the second read of the check goes out again on a fresh connection', async () => {
      const identity = await publisher.verifyCredentials(kspi(), new AbortController().signal);
      expect(identity.handle).toBe('@kspi@sosial.serikat.test');
      expect(await publisher.verifyCredentials(kspi(), new AbortController().signal)).toEqual(identity);
    });

    it('publishes a status with an image once: one upload, polls retried, one status', async () => {
      instance.mediaPollsUntilReady = 2;
      const uploadsBefore = instance.server.requestsTo('POST', /^\/api\/v2\/media$/).length;
      const statusesBefore = instance.statuses.length;
      const result = await publisher.publish(
        publishRequest(kspi(), { text: 'Foto aksi', media: [image('s1', 'Aksi buruh')] }),
      );
      expect(result.externalId).toBe(instance.statuses.at(-1)!.id);
      expect(instance.statuses.length - statusesBefore).toBe(1);
      expect(instance.server.requestsTo('POST', /^\/api\/v2\/media$/).length - uploadsBefore).toBe(1);
    });
  });

  it('fails verification with AUTH for a revoked token', async () => {
    expect(
      await failure(
        publisher.verifyCredentials(kspi({ credentials: { accessToken: 'nope' } }), new AbortController().signal),
      ),
    ).toMatchObject({ kind: 'AUTH', code: 'mastodon.401' });
  });

  describe('validate', () => {
    it('honours the per-instance limit from settings.maxChars, 500 by default, in graphemes', () => {
      const flag = '🇮🇩'; // one grapheme, four UTF-16 units
      expect(publisher.validate(content({ text: flag.repeat(500) }), { settings: {} })).toEqual([]);
      expect(publisher.validate(content({ text: flag.repeat(501) }), { settings: {} }).map((i) => i.code)).toEqual([
        'mastodon.text_too_long',
      ]);
      expect(
        publisher.validate(content({ text: 'é'.normalize('NFD').repeat(5000) }), { settings: { maxChars: 5000 } }),
      ).toEqual([]);
      const issues = publisher.validate(content({ text: 'x'.repeat(5001) }), { settings: { maxChars: 5000 } });
      expect(issues[0]!.message).toEqual({
        id: 'Teks terlalu panjang untuk instance Mastodon ini: 5001 dari maksimal 5000 karakter (tautan dihitung 23).',
        en: 'Text is too long for this Mastodon instance: 5001 of at most 5000 characters (links count as 23).',
      });
    });

    it('counts a URL as 23 and a remote mention by its local part, like the instance does', async () => {
      const url = `https://example.org/${'p'.repeat(200)}`;
      const text = `${'a'.repeat(470)} ${url} @kspi@mastodon.social`; // 470 + 1 + 23 + 1 + 5 = 500
      expect(text.length).toBeGreaterThan(600);
      expect(publisher.validate(content({ text }), { settings: {} })).toEqual([]);
      expect(publisher.validate(content({ text: `a${text}` }), { settings: {} }).map((i) => i.code)).toEqual([
        'mastodon.text_too_long',
      ]);
      const result = await publisher.publish(publishRequest(kspi(), { text }));
      expect(result.externalId).toBe(instance.statuses.at(-1)!.id);
    });

    it('checks media count and that a video is alone', () => {
      const video = { ...image('v'), kind: 'VIDEO' as const, mimeType: 'video/mp4' };
      expect(publisher.validate(content({ media: [video, image('i')] }), { settings: {} }).map((i) => i.code)).toEqual([
        'mastodon.video_with_other_media',
      ]);
      const five = Array.from({ length: 5 }, (_, i) => image(`m${i}`));
      expect(publisher.validate(content({ media: five }), { settings: {} }).map((i) => i.code)).toEqual([
        'mastodon.too_many_media',
      ]);
      expect(publisher.validate(content({ media: five }), { settings: { maxMedia: 6 } })).toEqual([]); // the instance's own limit
      expect(publisher.validate(content({ text: '', media: [] }), { settings: {} }).map((i) => i.code)).toEqual([
        'mastodon.empty',
      ]);
    });
  });

  describe('app registration and OAuth code exchange', () => {
    const redirectUri = 'http://localhost:3000/oauth/callback/mastodon';

    it('registers the app with the scopes Gaung needs and exchanges a code for a working token', async () => {
      const app = await registerMastodonApp(http, instance.baseUrl, {
        clientName: 'Gaung',
        redirectUri,
        website: 'http://localhost:3000',
      });
      const registration = instance.server.requestsTo('POST', /^\/api\/v1\/apps$/).at(-1)!;
      expect(registration.json).toEqual({
        client_name: 'Gaung',
        redirect_uris: redirectUri,
        scopes: 'read:accounts read:statuses write:statuses write:media',
        website: 'http://localhost:3000',
      });
      const authorize = new URL(
        mastodonAuthorizeUrl(`${instance.baseUrl}/`, { clientId: app.clientId, redirectUri, state: 's1' }),
      );
      expect(authorize.pathname).toBe('/oauth/authorize');
      expect(Object.fromEntries(authorize.searchParams)).toEqual({
        response_type: 'code',
        client_id: app.clientId,
        redirect_uri: redirectUri,
        scope: 'read:accounts read:statuses write:statuses write:media',
        state: 's1',
      });
      const code = instance.approve(app.clientId, redirectUri, '42');
      const { accessToken, scope } = await exchangeMastodonCode(http, instance.baseUrl, { ...app, redirectUri, code });
      expect(scope).toBe('read:accounts read:statuses write:statuses write:media');
      const identity = await publisher.verifyCredentials(
        kspi({ credentials: { accessToken } }),
        new AbortController().signal,
      );
      expect(identity.externalId).toBe('42');
    });

    it('maps a reused code (invalid_grant) to AUTH and a bad app registration to PERMANENT', async () => {
      const app = await registerMastodonApp(http, instance.baseUrl, { clientName: 'Gaung', redirectUri });
      const code = instance.approve(app.clientId, redirectUri);
      await exchangeMastodonCode(http, instance.baseUrl, { ...app, redirectUri, code });
      expect(await failure(exchangeMastodonCode(http, instance.baseUrl, { ...app, redirectUri, code }))).toMatchObject({
        kind: 'AUTH',
        code: 'mastodon.oauth_400',
      });
      expect(await failure(registerMastodonApp(http, instance.baseUrl, { clientName: '', redirectUri }))).toMatchObject(
        { kind: 'PERMANENT', code: 'mastodon.422' },
      );
    });
  });
});
