import { PlatformHttp, type RefreshedCredentials } from '../../src/publishers';
import { buildXAuthorizeUrl, createPkce, exchangeXCode } from '../../src/publishers/x/x-oauth';
import { X_VIDEO_CHUNK_BYTES } from '../../src/publishers/x/x-video';
import { XPublisher } from '../../src/publishers/x/x.publisher';
import { dropConnection, sendJson } from '../contracts/contract-server';
import {
  account,
  content,
  expectNoSecrets,
  hostedImage,
  publishFailure,
  publishRequest,
  video,
} from './publish-request.fixture';
import { XContract } from '../contracts/x/x-contract';
import { testConfig, testEgress } from '../support/test-config';
import { randomBytes } from 'node:crypto';
import type { MediaItem } from '../../src/publishers';
import { parseMultipart, multipartFields } from '../contracts/multipart';

describe('X publisher against the X API v2 contract', () => {
  let server: XContract;
  let publisher: XPublisher;
  const user = { id: '1500000000000000001', name: 'KSPI', username: 'kspi_id' };
  const saved: RefreshedCredentials[] = [];
  const xAccount = (credentials: Record<string, unknown> = { accessToken: 'valid-access' }, withSave = true) =>
    account('X', {
      externalId: user.id,
      handle: '@kspi_id',
      credentials,
      ...(withSave
        ? { saveRefreshedCredentials: async (refreshed: RefreshedCredentials) => void saved.push(refreshed) }
        : {}),
    });
  let seq = 0;
  const unique = (text: string) => `${text} #${++seq}`;

  beforeAll(async () => {
    server = await new XContract().addUser(user, 'valid-access').start();
    server.checkAfterSecs = 0; // the publisher waits what X announces: keep the tests fast
    publisher = new XPublisher(new PlatformHttp(testEgress()), testConfig({ X_API_URL: server.baseUrl }));
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    saved.length = 0;
    server.tweetWindow = { limit: 100, remaining: 100, reset: Math.floor(Date.now() / 1000) + 900 };
    server.userDayWindow = { limit: 17, remaining: 17, reset: Math.floor(Date.now() / 1000) + 86_400 };
    server.videoStates = ['pending', 'in_progress', 'succeeded'];
  });

  it('posts text to /2/tweets with the Bearer token and returns the id and the x.com URL', async () => {
    const text = unique('Tolak PHK sepihak!');
    const result = await publisher.publish(publishRequest(xAccount(), content({ text })));
    const stored = server.tweets.at(-1)!;
    expect(result).toEqual({ externalId: stored.id, url: `https://x.com/kspi_id/status/${stored.id}` });
    const [call] = server.requestsTo('POST', /^\/2\/tweets$/);
    expect(call.headers.authorization).toBe('Bearer valid-access');
    expect(call.json).toEqual({ text });
  });

  it('uploads images through POST /2/media/upload (base64 JSON), sets alt text, and attaches media_ids', async () => {
    const photos = [hostedImage(undefined, Buffer.from('jpeg-one')), hostedImage(undefined, Buffer.from('jpeg-two'))];
    await publisher.publish(publishRequest(xAccount(), content({ text: unique('Foto aksi'), media: photos })));
    const uploads = server.requestsTo('POST', /^\/2\/media\/upload$/).map((r) => r.json as Record<string, string>);
    expect(uploads).toEqual([
      { media: Buffer.from('jpeg-one').toString('base64'), media_category: 'tweet_image', media_type: 'image/jpeg' },
      { media: Buffer.from('jpeg-two').toString('base64'), media_category: 'tweet_image', media_type: 'image/jpeg' },
    ]);
    const tweet = server.tweets.at(-1)!;
    expect(tweet.mediaIds).toHaveLength(2);
    expect(server.media.get(tweet.mediaIds[0])!.altText).toBe('Buruh berdemo');
  });

  it('maps 429 to NOT_SENT_RETRYABLE rate limited, waiting until x-rate-limit-reset', async () => {
    server.tweetWindow = { limit: 100, remaining: 0, reset: Math.floor(Date.now() / 1000) + 600 };
    const error = await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error.rateLimited).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(595_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(600_000);
  });

  it('waits for the 24-hour user cap reset when that window is the exhausted one', async () => {
    const dayReset = Math.floor(Date.now() / 1000) + 20_000;
    server.userDayWindow = { limit: 17, remaining: 0, reset: dayReset };
    const error = await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error.retryAfterMs).toBeGreaterThan(19_990_000);
  });

  it('falls back to x-rate-limit-reset when a 429 names no exhausted window, and leaves the wait to the engine without headers', async () => {
    const reset = Math.floor(Date.now() / 1000) + 300;
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) =>
      sendJson(
        res,
        429,
        { title: 'Too Many Requests', status: 429 },
        { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '3', 'x-rate-limit-reset': String(reset) },
      ),
    );
    const guessed = await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(guessed.retryAfterMs).toBeGreaterThan(295_000);
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) =>
      sendJson(res, 429, { title: 'Too Many Requests', status: 429 }),
    );
    const bare = await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(bare).toMatchObject({ rateLimited: true, retryAfterMs: undefined });
  });

  it('maps the duplicate-content 403 to PERMANENT x.duplicate', async () => {
    const text = unique('Sama persis');
    await publisher.publish(publishRequest(xAccount(), content({ text })));
    const error = await publishFailure(publisher.publish(publishRequest(xAccount(), content({ text }))), 'PERMANENT');
    expect(error).toMatchObject({ code: 'x.duplicate', httpStatus: 403 });
    expect(error.message).toBe('You are not allowed to create a Tweet with duplicate content.');
  });

  it('maps 400 to PERMANENT and 5xx or a dropped connection on /2/tweets to AMBIGUOUS', async () => {
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) =>
      sendJson(res, 400, {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'about:blank',
        status: 400,
      }),
    );
    await publishFailure(publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))), 'PERMANENT');
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) =>
      sendJson(res, 503, {
        title: 'Service Unavailable',
        detail: 'Service Unavailable',
        type: 'about:blank',
        status: 503,
      }),
    );
    await publishFailure(publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))), 'AMBIGUOUS');
    server.failNext('POST', /^\/2\/tweets$/, (_req, res) => dropConnection(res));
    await publishFailure(publisher.publish(publishRequest(xAccount(), content({ text: unique('x') }))), 'AMBIGUOUS');
  });

  it('treats a failed media upload as NOT_SENT_RETRYABLE: no post was made', async () => {
    const before = server.tweets.length;
    server.failNext('POST', /^\/2\/media\/upload$/, (_req, res) => dropConnection(res));
    await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x'), media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    server.failNext('POST', /^\/2\/media\/upload$/, (_req, res) =>
      sendJson(res, 500, { title: 'Internal Error', status: 500 }),
    );
    await publishFailure(
      publisher.publish(publishRequest(xAccount(), content({ text: unique('x'), media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(server.tweets.length).toBe(before);
  });

  describe('video through the chunked upload', () => {
    const mp4 = (bytes: Buffer): MediaItem => ({ ...video(), byteSize: bytes.length, read: async () => bytes });
    const commands = () =>
      server.requests
        .filter((r) => r.path === '/2/media/upload' || r.path === '/2/tweets')
        .map((r) =>
          r.path === '/2/tweets'
            ? 'TWEET'
            : r.method === 'GET'
              ? String(r.query.get('command'))
              : multipartFields(parseMultipart(r)).command,
        );

    it('sends INIT, APPEND chunks of at most 4 MiB, FINALIZE, polls STATUS until succeeded, then attaches the media id', async () => {
      const file = randomBytes(2 * X_VIDEO_CHUNK_BYTES + 12_345);
      const text = unique('Video aksi');
      const result = await publisher.publish(publishRequest(xAccount(), content({ text, media: [mp4(file)] })));
      const [upload] = [...server.videoUploads.values()].slice(-1);
      expect(upload).toMatchObject({
        totalBytes: file.length,
        mediaType: 'video/mp4',
        mediaCategory: 'tweet_video',
        statusCalls: 2,
      });
      expect(upload.file!.equals(file)).toBe(true);
      const appends = server
        .requestsTo('POST', /^\/2\/media\/upload$/)
        .map(parseMultipart)
        .filter((parts) => multipartFields(parts).command === 'APPEND');
      expect(
        appends.map((parts) => [
          multipartFields(parts).segment_index,
          parts.find((p) => p.name === 'media')!.data.length,
        ]),
      ).toEqual([
        ['0', X_VIDEO_CHUNK_BYTES],
        ['1', X_VIDEO_CHUNK_BYTES],
        ['2', 12_345],
      ]);
      expect(commands()).toEqual(['INIT', 'APPEND', 'APPEND', 'APPEND', 'FINALIZE', 'STATUS', 'STATUS', 'TWEET']);
      const tweet = server.tweets.at(-1)!;
      expect(tweet.mediaIds).toEqual([upload.id]);
      expect(result.externalId).toBe(tweet.id);
      expect(server.requestsTo('POST', /^\/2\/tweets$/)[0].json).toEqual({ text, media: { media_ids: [upload.id] } });
    });

    it('keeps polling STATUS for as long as X says in_progress, and skips STATUS when FINALIZE says succeeded', async () => {
      server.videoStates = ['pending', 'in_progress', 'in_progress', 'in_progress', 'succeeded'];
      await publisher.publish(
        publishRequest(xAccount(), content({ text: unique('Video panjang'), media: [mp4(randomBytes(1000))] })),
      );
      expect(commands()).toEqual(['INIT', 'APPEND', 'FINALIZE', 'STATUS', 'STATUS', 'STATUS', 'STATUS', 'TWEET']);
      server.requests.length = 0;
      server.videoStates = ['succeeded'];
      await publisher.publish(
        publishRequest(xAccount(), content({ text: unique('Video pendek'), media: [mp4(randomBytes(1000))] })),
      );
      expect(commands()).toEqual(['INIT', 'APPEND', 'FINALIZE', 'TWEET']);
    });

    it("fails PERMANENT with X's reason when processing fails, and posts nothing", async () => {
      server.videoStates = ['pending', 'failed'];
      const before = server.tweets.length;
      const error = await publishFailure(
        publisher.publish(publishRequest(xAccount(), content({ text: unique('x'), media: [mp4(randomBytes(1000))] }))),
        'PERMANENT',
      );
      expect(error.code).toBe('x.video_processing_failed');
      expect(error.message).toBe('Unsupported video format');
      expect(server.tweets.length).toBe(before);
    });

    it('gives up NOT_SENT_RETRYABLE after a bounded number of STATUS calls when processing never ends', async () => {
      server.videoStates = ['pending', 'in_progress'];
      const error = await publishFailure(
        publisher.publish(publishRequest(xAccount(), content({ text: unique('x'), media: [mp4(randomBytes(1000))] }))),
        'NOT_SENT_RETRYABLE',
      );
      expect(error.code).toBe('x.video_processing');
      expect(server.requestsTo('GET', /^\/2\/media\/upload$/).length).toBeLessThanOrEqual(60);
      expect(server.requestsTo('POST', /^\/2\/tweets$/)).toHaveLength(0);
    });

    it('stops polling when the request is stopped (NOT_SENT_RETRYABLE, no post)', async () => {
      server.videoStates = ['pending', 'in_progress'];
      server.checkAfterSecs = 5;
      const stop = new AbortController();
      try {
        const publishing = publisher.publish(
          publishRequest(xAccount(), content({ text: unique('x'), media: [mp4(randomBytes(1000))] }), {
            signal: stop.signal,
          }),
        );
        // Stop once X has said "pending, check after 5 s", i.e. during the wait.
        while (!commands().includes('FINALIZE')) await new Promise((resolve) => setTimeout(resolve, 10));
        await new Promise((resolve) => setTimeout(resolve, 50));
        stop.abort();
        const error = await publishFailure(publishing, 'NOT_SENT_RETRYABLE');
        expect(error.code).toBe('x.video_processing');
      } finally {
        server.checkAfterSecs = 0;
      }
      expect(server.requestsTo('GET', /^\/2\/media\/upload$/)).toHaveLength(0);
      expect(server.requestsTo('POST', /^\/2\/tweets$/)).toHaveLength(0);
    });

    it('treats a lost answer during the chunked upload (here INIT) as NOT_SENT_RETRYABLE: the upload happens before the post', async () => {
      server.failNext('POST', /^\/2\/media\/upload$/, (_req, res) => dropConnection(res));
      await publishFailure(
        publisher.publish(publishRequest(xAccount(), content({ text: unique('x'), media: [mp4(randomBytes(1000))] }))),
        'NOT_SENT_RETRYABLE',
      );
      expect(server.requestsTo('POST', /^\/2\/tweets$/)).toHaveLength(0);
    });

    it('refuses in validation a video with images or a second video, in Indonesian and English', () => {
      expect(publisher.validate(content({ text: 'x', media: [video()] }))).toEqual([]);
      const mixed = publisher.validate(content({ text: 'x', media: [video(), hostedImage()] }));
      expect(mixed.map((i) => i.code)).toEqual(['x.video_alone']);
      expect(mixed[0].message.id).toMatch(/1 video/);
      expect(mixed[0].message.en).toMatch(/at most 1 video/);
      expect(publisher.validate(content({ text: 'x', media: [video(), video()] })).map((i) => i.code)).toEqual([
        'x.video_alone',
      ]);
    });
  });

  describe('token refresh on 401', () => {
    it('refreshes once with the refresh token (Basic auth for a confidential client), saves the rotated tokens and posts once', async () => {
      server.addUser(user, 'other-valid', 'refresh-1');
      server.accessTokens.delete('other-valid');
      const credentials = {
        accessToken: 'expired-access',
        refreshToken: 'refresh-1',
        clientId: server.client.clientId,
        clientSecret: server.client.clientSecret,
      };
      const before = server.tweets.length;
      const result = await publisher.publish(
        publishRequest(xAccount(credentials), content({ text: unique('Setelah refresh') })),
      );
      expect(server.tweets.length).toBe(before + 1);
      expect(result.externalId).toBe(server.tweets.at(-1)!.id);
      const [tokenCall] = server.requestsTo('POST', /oauth2\/token$/);
      expect(tokenCall.json).toEqual({
        grant_type: 'refresh_token',
        refresh_token: 'refresh-1',
        client_id: server.client.clientId,
      });
      expect(tokenCall.headers.authorization).toBe(
        `Basic ${Buffer.from(`${server.client.clientId}:${server.client.clientSecret}`).toString('base64')}`,
      );
      expect(saved).toHaveLength(1);
      expect(saved[0].credentials).toMatchObject({
        clientId: server.client.clientId,
        clientSecret: server.client.clientSecret,
      });
      expect(saved[0].credentials.refreshToken).toMatch(/^xrt-/);
      expect(saved[0].expiresAt!.getTime()).toBeGreaterThan(Date.now() + 7_000_000);
      // The old refresh token was rotated away, the saved one works.
      expect(server.refreshTokens.has('refresh-1')).toBe(false);
      expect(server.refreshTokens.has(String(saved[0].credentials.refreshToken))).toBe(true);
      const tweetCalls = server.requestsTo('POST', /^\/2\/tweets$/);
      expect(tweetCalls.map((c) => c.headers.authorization)).toEqual([
        'Bearer expired-access',
        `Bearer ${saved[0].credentials.accessToken}`,
      ]);
    });

    it('answers AUTH when the refresh token is revoked, without leaking tokens or the client secret', async () => {
      const credentials = {
        accessToken: 'expired-access',
        refreshToken: 'revoked-refresh',
        clientId: server.client.clientId,
        clientSecret: server.client.clientSecret,
      };
      const error = await publishFailure(
        publisher.publish(publishRequest(xAccount(credentials), content({ text: unique('x') }))),
        'AUTH',
      );
      expectNoSecrets(error, ['expired-access', 'revoked-refresh', server.client.clientSecret]);
      expect(saved).toHaveLength(0);
    });

    it('does not refresh (AUTH at once) when rotated credentials could not be saved', async () => {
      server.addUser(user, 'unused', 'refresh-kept');
      server.accessTokens.delete('unused');
      const credentials = {
        accessToken: 'expired-access',
        refreshToken: 'refresh-kept',
        clientId: server.client.clientId,
      };
      await publishFailure(
        publisher.publish(publishRequest(xAccount(credentials, false), content({ text: unique('x') }))),
        'AUTH',
      );
      expect(server.requestsTo('POST', /oauth2\/token$/)).toHaveLength(0);
      expect(server.refreshTokens.has('refresh-kept')).toBe(true);
    });

    it('refreshCredentials rotates the tokens for the engine (null without a refresh token)', async () => {
      server.addUser(user, 'unused-2', 'refresh-2');
      const refreshed = await publisher.refreshCredentials(
        xAccount({ accessToken: 'a', refreshToken: 'refresh-2', clientId: server.client.clientId }),
        AbortSignal.timeout(5000),
      );
      expect(refreshed!.credentials.accessToken).toMatch(/^xat-/);
      await expect(
        publisher.refreshCredentials(xAccount({ accessToken: 'a' }), AbortSignal.timeout(5000)),
      ).resolves.toBeNull();
    });
  });

  describe('ambiguous outcome: look-up instead of a blind retry', () => {
    it('declares lookup, and finds a post that was created before the connection dropped (links, & and media)', async () => {
      expect(publisher.ambiguousRetry).toBe('lookup');
      const text = unique('Upah layak & adil <sekarang> https://kspi.or.id/upah?x=1');
      server.failNext('POST', /^\/2\/tweets$/, (_req, res) => {
        // X acts on the request, then the answer is lost.
        server.tweets.push({ ...fakeStored(server, text), mediaIds: [] });
        dropConnection(res);
      });
      const req = publishRequest(xAccount(), content({ text, media: [hostedImage()] }));
      await publishFailure(publisher.publish(req), 'AMBIGUOUS');
      const before = server.tweets.length;
      const found = await publisher.findPublished(req);
      expect(found).toEqual({
        externalId: server.tweets.at(-1)!.id,
        url: `https://x.com/kspi_id/status/${server.tweets.at(-1)!.id}`,
      });
      expect(server.tweets.length).toBe(before);
      const [lookup] = server.requestsTo('GET', /\/2\/users\/\d+\/tweets$/);
      expect(lookup.query.get('tweet.fields')).toBe('created_at,entities');
    });

    it('finds nothing when X never acted, so the engine retry posts exactly once', async () => {
      const text = unique('Belum terkirim https://kspi.or.id');
      server.failNext('POST', /^\/2\/tweets$/, (_req, res) => dropConnection(res));
      const req = publishRequest(xAccount(), content({ text }));
      await publishFailure(publisher.publish(req), 'AMBIGUOUS');
      await expect(publisher.findPublished(req)).resolves.toBeNull();
      await publisher.publish(req);
      expect(server.tweets.filter((t) => t.sentText === text)).toHaveLength(1);
      await expect(publisher.findPublished(req)).resolves.toMatchObject({ externalId: server.tweets.at(-1)!.id });
    });

    it('refuses to guess for a post without text (AMBIGUOUS, left to a human)', async () => {
      await publishFailure(
        publisher.findPublished(publishRequest(xAccount(), content({ text: '', media: [hostedImage()] }))),
        'AMBIGUOUS',
      );
    });
  });

  it('validates the weighted length: links count 23, emoji and CJK count 2', () => {
    const link = 'https://kspi.or.id/' + 'a'.repeat(100);
    expect(publisher.validate(content({ text: 'a'.repeat(256) + ' ' + link }))).toEqual([]); // 257 + 23 = 280
    expect(publisher.validate(content({ text: 'a'.repeat(257) + ' ' + link })).map((i) => i.code)).toEqual([
      'x.text_too_long',
    ]);
    expect(publisher.validate(content({ text: '✊'.repeat(140) }))).toEqual([]);
    expect(publisher.validate(content({ text: '✊'.repeat(141) })).map((i) => i.code)).toEqual(['x.text_too_long']);
    expect(publisher.validate(content({ text: '労'.repeat(141) })).map((i) => i.code)).toEqual(['x.text_too_long']);
    expect(
      publisher
        .validate(
          content({ text: 'x', media: [hostedImage(), hostedImage(), hostedImage(), hostedImage(), hostedImage()] }),
        )
        .map((i) => i.code),
    ).toEqual(['x.too_many_media']);
    expect(publisher.limits.counting).toBe('twitter-weighted');
  });

  it('verifies credentials with GET /2/users/me, and AUTH for a revoked token', async () => {
    await expect(publisher.verifyCredentials(xAccount(), AbortSignal.timeout(5000))).resolves.toEqual({
      externalId: user.id,
      displayName: 'KSPI',
      handle: 'kspi_id',
    });
    await publishFailure(
      publisher.verifyCredentials(xAccount({ accessToken: 'revoked' }), AbortSignal.timeout(5000)),
      'AUTH',
    );
  });

  describe('OAuth 2.0 with PKCE', () => {
    it('builds the authorize URL with the S256 challenge, scopes and state', () => {
      const pkce = createPkce();
      expect(pkce.verifier.length).toBeGreaterThanOrEqual(43);
      const url = new URL(buildXAuthorizeUrl(server.client, 'st-1', pkce));
      expect(url.origin + url.pathname).toBe('https://x.com/i/oauth2/authorize');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: server.client.clientId,
        redirect_uri: server.client.redirectUri,
        scope: 'tweet.read tweet.write users.read offline.access media.write',
        state: 'st-1',
        code_challenge: pkce.challenge,
        code_challenge_method: 'S256',
      });
    });

    it('exchanges the code with the verifier; a wrong verifier is refused as AUTH', async () => {
      const pkce = createPkce();
      server.codes.set('code-x', {
        userId: user.id,
        challenge: pkce.challenge,
        redirectUri: server.client.redirectUri,
      });
      const tokens = await exchangeXCode(
        new PlatformHttp(testEgress()),
        server.baseUrl,
        server.client,
        'code-x',
        pkce.verifier,
        AbortSignal.timeout(5000),
      );
      expect(tokens.accessToken).toMatch(/^xat-/);
      expect(tokens.refreshToken).toMatch(/^xrt-/);
      server.codes.set('code-y', {
        userId: user.id,
        challenge: pkce.challenge,
        redirectUri: server.client.redirectUri,
      });
      const error = await publishFailure(
        exchangeXCode(
          new PlatformHttp(testEgress()),
          server.baseUrl,
          server.client,
          'code-y',
          'wrong-verifier',
          AbortSignal.timeout(5000),
        ),
        'AUTH',
      );
      expectNoSecrets(error, [server.client.clientSecret]);
    });
  });
});

/** The tweet X would have stored for `text` with one image, before the answer was lost. */
function fakeStored(server: XContract, text: string) {
  const id = String(1_900_000_000_000_000_000n + BigInt(server.tweets.length));
  const short = 'https://t.co/abcdef1234';
  const media = 'https://t.co/media98765';
  const expanded = text.match(/https?:\/\/\S+/)![0];
  const stored = `${text.replace(expanded, short)} ${media}`;
  return {
    id,
    authorId: '1500000000000000001',
    sentText: text,
    text: stored,
    entities: {
      urls: [
        {
          start: stored.indexOf(short),
          end: stored.indexOf(short) + 23,
          url: short,
          expanded_url: expanded,
          display_url: 'kspi.or.id/upah',
        },
        {
          start: stored.indexOf(media),
          end: stored.length,
          url: media,
          expanded_url: `https://x.com/kspi_id/status/${id}/photo/1`,
          display_url: 'pic.x.com/a',
          media_key: '3_1',
        },
      ],
    },
  };
}
