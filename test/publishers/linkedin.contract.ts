import { PlatformHttp, type RefreshedCredentials } from '../../src/publishers';
import { buildLinkedInAuthorizeUrl, exchangeLinkedInCode } from '../../src/publishers/linkedin/linkedin-oauth';
import { LINKEDIN_VERSION, LinkedInPublisher } from '../../src/publishers/linkedin/linkedin.publisher';
import { toLittleText } from '../../src/publishers/linkedin/little-text';
import { dropConnection, sendJson } from '../contracts/contract-server';
import { LinkedInContract } from '../contracts/linkedin/linkedin-contract';
import {
  account,
  content,
  expectNoSecrets,
  hostedImage,
  publishFailure,
  publishRequest,
  video,
} from './publish-request.fixture';
import { testConfig, testEgress } from '../support/test-config';

describe('LinkedIn publisher against the Posts API contract', () => {
  let server: LinkedInContract;
  let publisher: LinkedInPublisher;
  const member = { sub: 'aBcD123', name: 'Siti Buruh', adminOf: ['5550001'] };
  const org = 'urn:li:organization:5550001';
  const saved: RefreshedCredentials[] = [];
  const liAccount = (externalId = org, credentials: Record<string, unknown> = { accessToken: 'li-token' }) =>
    account('LINKEDIN', {
      externalId,
      credentials,
      saveRefreshedCredentials: async (r: RefreshedCredentials) => void saved.push(r),
    });
  let seq = 0;
  const unique = (text: string) => `${text} (${++seq})`;

  beforeAll(async () => {
    server = await new LinkedInContract().addMember(member, 'li-token').start();
    server.organizations.set('5550001', { localizedName: 'KSBSI', vanityName: 'ksbsi' });
    publisher = new LinkedInPublisher(new PlatformHttp(testEgress()), testConfig({ LINKEDIN_API_URL: server.baseUrl }));
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    saved.length = 0;
  });

  it('posts to /rest/posts with the versioning headers and documented body, and reads the URN from x-restli-id', async () => {
    const result = await publisher.publish(
      publishRequest(liAccount(), content({ text: 'Hari Buruh #MayDay (1 Mei) @semua' })),
    );
    const post = server.posts.at(-1)!;
    expect(result).toEqual({ externalId: post.urn, url: `https://www.linkedin.com/feed/update/${post.urn}/` });
    expect(post.headers['linkedin-version']).toBe(LINKEDIN_VERSION);
    expect(post.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(post.headers.authorization).toBe('Bearer li-token');
    expect(post.body).toEqual({
      author: org,
      commentary: 'Hari Buruh {hashtag|\\#|MayDay} \\(1 Mei\\) \\@semua',
      visibility: 'PUBLIC',
      distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
      lifecycleState: 'PUBLISHED',
      isReshareDisabledByAuthor: false,
    });
  });

  it('escapes every little-text reserved character and turns hashtags into hashtag templates', () => {
    expect(toLittleText('a|b{c}d@e[f]g(h)i<j>k#l m*n_o~p\\q')).toBe(
      'a\\|b\\{c\\}d\\@e\\[f\\]g\\(h\\)i\\<j\\>k\\#l m\\*n\\_o\\~p\\\\q',
    );
    expect(toLittleText('#Buruh_Bersatu dan #UpahLayak!')).toBe(
      '{hashtag|\\#|Buruh\\_Bersatu} dan {hashtag|\\#|UpahLayak}!',
    );
  });

  it('uploads images (initializeUpload, then PUT to uploadUrl) and attaches one as media, several as multiImage', async () => {
    const photo = hostedImage(undefined, Buffer.from('png-bytes'));
    await publisher.publish(publishRequest(liAccount(), content({ text: unique('Satu foto'), media: [photo] })));
    const init = server.requestsTo('POST', /^\/rest\/images$/)[0];
    expect(init.query.get('action')).toBe('initializeUpload');
    expect(init.json).toEqual({ initializeUploadRequest: { owner: org } });
    const put = server.requestsTo('PUT', /^\/dms-uploads\//)[0];
    expect(put.body.toString()).toBe('png-bytes');
    expect(put.headers.authorization).toBe('Bearer li-token');
    expect(server.posts.at(-1)!.body.content).toEqual({
      media: { id: expect.stringMatching(/^urn:li:image:/), altText: 'Buruh berdemo' },
    });

    await publisher.publish(
      publishRequest(
        liAccount(),
        content({ text: unique('Tiga foto'), media: [hostedImage(), hostedImage(), hostedImage()] }),
      ),
    );
    const multi = server.posts.at(-1)!.body.content as { multiImage: { images: Array<{ id: string }> } };
    expect(multi.multiImage.images).toHaveLength(3);
  });

  describe('video through the Videos API', () => {
    const fast = { intervalMs: 1, maxAttempts: 5 };
    const clip = (bytes: Buffer) => ({ ...video(), byteSize: bytes.length, read: async () => bytes });
    let videoPublisher: LinkedInPublisher;
    beforeAll(() => {
      videoPublisher = new LinkedInPublisher(
        new PlatformHttp(testEgress()),
        testConfig({ LINKEDIN_API_URL: server.baseUrl }),
        fast,
      );
    });
    beforeEach(() => {
      server.videoPartBytes = 4;
      server.videoProcessingPolls = 2;
    });

    it('uploads every byte range in order, finalizes with the ETags, waits for AVAILABLE and posts the video urn with the title', async () => {
      const bytes = Buffer.from('0123456789'); // 3 parts of at most 4 bytes
      const result = await videoPublisher.publish(
        publishRequest(liAccount(), {
          ...content({ text: unique('Video aksi'), media: [clip(bytes)] }),
          title: 'Aksi 1 Mei',
        }),
      );
      const init = server
        .requestsTo('POST', /^\/rest\/videos$/)
        .find((r) => r.query.get('action') === 'initializeUpload')!;
      expect(init.json).toEqual({
        initializeUploadRequest: { owner: org, fileSizeBytes: 10, uploadCaptions: false, uploadThumbnail: false },
      });
      expect(init.headers['linkedin-version']).toBe(LINKEDIN_VERSION);
      const [urn, stored] = [...server.videos.entries()].at(-1)!;
      const puts = server.requestsTo('PUT', /^\/dms-uploads\//);
      expect(puts.map((p) => p.path)).toEqual(stored.parts.map((p) => `/dms-uploads/${p.id}`));
      expect(puts.map((p) => p.body.length)).toEqual([4, 4, 2]);
      expect(Buffer.concat(puts.map((p) => p.body)).equals(bytes)).toBe(true);
      const finalize = server
        .requestsTo('POST', /^\/rest\/videos$/)
        .find((r) => r.query.get('action') === 'finalizeUpload')!;
      expect(finalize.json).toEqual({
        finalizeUploadRequest: {
          video: urn,
          uploadToken: stored.uploadToken,
          uploadedPartIds: stored.parts.map((p) => p.etag),
        },
      });
      expect(stored.uploadToken).not.toBe('');
      const polls = server.requestsTo('GET', /^\/rest\/videos\//);
      expect(polls).toHaveLength(3); // PROCESSING, PROCESSING, AVAILABLE
      expect(polls[0].path).toBe(`/rest/videos/${encodeURIComponent(urn)}`);
      expect(polls[0].headers['x-restli-protocol-version']).toBe('2.0.0');
      expect(stored.status).toBe('AVAILABLE');
      const post = server.posts.at(-1)!;
      expect(result.externalId).toBe(post.urn);
      expect(post.body.content).toEqual({ media: { id: urn, title: 'Aksi 1 Mei' } });
    });

    it('a single-part video (empty uploadToken) is posted without a title when the post has none', async () => {
      server.videoPartBytes = 1024;
      await videoPublisher.publish(
        publishRequest(liAccount(), content({ text: unique('Video pendek'), media: [clip(Buffer.from('short-mp4'))] })),
      );
      const [urn, stored] = [...server.videos.entries()].at(-1)!;
      expect(stored.parts).toHaveLength(1);
      expect(stored.uploadToken).toBe('');
      expect(server.posts.at(-1)!.body.content).toEqual({ media: { id: urn } });
    });

    it('PROCESSING_FAILED is PERMANENT and nothing is posted', async () => {
      const before = server.posts.length;
      server.failNextVideoProcessing = true;
      const error = await publishFailure(
        videoPublisher.publish(
          publishRequest(
            liAccount(),
            content({ text: unique('Video rusak'), media: [clip(Buffer.from('broken-codec'))] }),
          ),
        ),
        'PERMANENT',
      );
      expect(error.code).toBe('linkedin.video_processing_failed');
      expect(error.message).toContain('Unsupported video codec');
      expect(server.posts.length).toBe(before);
    });

    it('a lost part upload, a 5xx on initializeUpload, a lost status answer or a video still processing is a safe NOT_SENT retry; nothing is posted', async () => {
      const before = server.posts.length;
      server.failNext('PUT', /^\/dms-uploads\//, (_req, res) => dropConnection(res));
      await publishFailure(
        videoPublisher.publish(
          publishRequest(liAccount(), content({ text: unique('Putus'), media: [clip(Buffer.from('0123456789'))] })),
        ),
        'NOT_SENT_RETRYABLE',
      );
      server.failNext('POST', /^\/rest\/videos$/, (_req, res) =>
        sendJson(res, 503, { status: 503, message: 'Service Unavailable' }),
      );
      await publishFailure(
        videoPublisher.publish(
          publishRequest(liAccount(), content({ text: unique('Gagal'), media: [clip(Buffer.from('0123'))] })),
        ),
        'NOT_SENT_RETRYABLE',
      );
      // A read is sent once more on a fresh connection (docs/publishing.md, "Stale connections"): lose both.
      for (let i = 0; i < 2; i++) server.failNext('GET', /^\/rest\/videos\//, (_req, res) => dropConnection(res));
      await publishFailure(
        videoPublisher.publish(
          publishRequest(liAccount(), content({ text: unique('Hilang'), media: [clip(Buffer.from('0123'))] })),
        ),
        'NOT_SENT_RETRYABLE',
      );
      server.videoProcessingPolls = 100;
      const slow = await publishFailure(
        videoPublisher.publish(
          publishRequest(liAccount(), content({ text: unique('Lambat'), media: [clip(Buffer.from('0123'))] })),
        ),
        'NOT_SENT_RETRYABLE',
      );
      expect(slow.code).toBe('linkedin.video_timeout');
      expect(server.requestsTo('GET', /^\/rest\/videos\//).length).toBeGreaterThanOrEqual(fast.maxAttempts);
      expect(server.posts.length).toBe(before);
    });

    it('stops polling at once when the request is aborted (NOT_SENT, not the 60 s interval)', async () => {
      server.videoProcessingPolls = 1_000;
      const patient = new LinkedInPublisher(
        new PlatformHttp(testEgress()),
        testConfig({ LINKEDIN_API_URL: server.baseUrl }),
        { intervalMs: 60_000, maxAttempts: 1_000 },
      );
      const controller = new AbortController();
      const pending = patient.publish(
        publishRequest(liAccount(), content({ text: unique('Batal'), media: [clip(Buffer.from('0123'))] }), {
          signal: controller.signal,
        }),
      );
      // Bounded wait for the first status read, so a broken flow fails instead of hanging.
      for (let i = 0; i < 400 && server.requestsTo('GET', /^\/rest\/videos\//).length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      const before = server.posts.length;
      controller.abort();
      await publishFailure(pending, 'NOT_SENT_RETRYABLE');
      expect(server.posts.length).toBe(before);
      expect(server.requestsTo('GET', /^\/rest\/videos\//)).toHaveLength(1);
    });
  });

  it('posts as a member with a person URN', async () => {
    await publisher.publish(
      publishRequest(liAccount(`urn:li:person:${member.sub}`), content({ text: unique('Pribadi') })),
    );
    expect(server.posts.at(-1)!.body.author).toBe(`urn:li:person:${member.sub}`);
  });

  it('maps 401 to AUTH (no refresh possible), 403 to AUTH, 422 to PERMANENT and the duplicate to linkedin.duplicate', async () => {
    const expired = await publishFailure(
      publisher.publish(publishRequest(liAccount(org, { accessToken: 'stale-li-access' }), content({ text: 'x' }))),
      'AUTH',
    );
    expect(expired).toMatchObject({ code: 'linkedin.401', httpStatus: 401 });
    expectNoSecrets(expired, ['stale-li-access']);
    const forbidden = await publishFailure(
      publisher.publish(publishRequest(liAccount('urn:li:organization:999'), content({ text: 'x' }))),
      'AUTH',
    );
    expect(forbidden.message).toContain('Not enough permissions');
    const text = unique('Dua kali');
    await publisher.publish(publishRequest(liAccount(), content({ text })));
    const duplicate = await publishFailure(
      publisher.publish(publishRequest(liAccount(), content({ text }))),
      'PERMANENT',
    );
    expect(duplicate.code).toBe('linkedin.duplicate');
    server.failNext('POST', /^\/rest\/posts$/, (_req, res) =>
      sendJson(res, 400, { status: 400, code: 'ILLEGAL_ARGUMENT', message: 'Invalid author' }),
    );
    await publishFailure(publisher.publish(publishRequest(liAccount(), content({ text: 'x' }))), 'PERMANENT');
    await publishFailure(publisher.publish(publishRequest(liAccount('12345'), content({ text: 'x' }))), 'PERMANENT');
  });

  it('maps 429 to NOT_SENT_RETRYABLE rate limited: Retry-After when given, else until midnight UTC', async () => {
    server.failNext('POST', /^\/rest\/posts$/, (_req, res) =>
      sendJson(res, 429, { status: 429, message: 'Too many requests' }, { 'retry-after': '120' }),
    );
    const withHeader = await publishFailure(
      publisher.publish(publishRequest(liAccount(), content({ text: 'x' }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(withHeader).toMatchObject({ rateLimited: true, retryAfterMs: 120_000 });
    server.failNext('POST', /^\/rest\/posts$/, (_req, res) =>
      sendJson(res, 429, {
        status: 429,
        message: 'Resource level throttle DAY limit for calls to this resource is reached.',
      }),
    );
    const daily = await publishFailure(
      publisher.publish(publishRequest(liAccount(), content({ text: 'x' }))),
      'NOT_SENT_RETRYABLE',
    );
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(Math.abs(Date.now() + daily.retryAfterMs! - midnight.getTime())).toBeLessThan(2_000);
  });

  it('is AMBIGUOUS on a 5xx or a dropped answer to /rest/posts (no safe retry), NOT_SENT when an image upload fails', async () => {
    server.failNext('POST', /^\/rest\/posts$/, (_req, res) =>
      sendJson(res, 504, { status: 504, message: 'Gateway Timeout' }),
    );
    await publishFailure(publisher.publish(publishRequest(liAccount(), content({ text: 'x' }))), 'AMBIGUOUS');
    server.failNext('POST', /^\/rest\/posts$/, (_req, res) => dropConnection(res));
    await publishFailure(publisher.publish(publishRequest(liAccount(), content({ text: 'x' }))), 'AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('none');
    const before = server.posts.length;
    server.failNext('PUT', /^\/dms-uploads\//, (_req, res) => dropConnection(res));
    await publishFailure(
      publisher.publish(publishRequest(liAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(server.posts.length).toBe(before);
  });

  it('refreshes once on 401 when the app has refresh tokens, saves the new tokens and posts once', async () => {
    server.addMember(member, 'unused', 'li-refresh-1');
    server.tokens.delete('unused');
    const credentials = {
      accessToken: 'stale-li-access',
      refreshToken: 'li-refresh-1',
      clientId: server.app.clientId,
      clientSecret: server.app.clientSecret,
    };
    const before = server.posts.length;
    await publisher.publish(publishRequest(liAccount(org, credentials), content({ text: unique('Setelah refresh') })));
    expect(server.posts.length).toBe(before + 1);
    expect(server.requestsTo('POST', /accessToken$/)[0].json).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'li-refresh-1',
      client_id: server.app.clientId,
      client_secret: server.app.clientSecret,
    });
    expect(saved).toHaveLength(1);
    expect(saved[0].credentials.accessToken).toMatch(/^lat-/);
    expect(saved[0].credentials.refreshToken).toMatch(/^lrt-/);
    const revoked = { ...credentials, refreshToken: 'gone' };
    const error = await publishFailure(
      publisher.publish(publishRequest(liAccount(org, revoked), content({ text: 'x' }))),
      'AUTH',
    );
    expectNoSecrets(error, ['gone', server.app.clientSecret, 'stale-li-access']);
    await expect(
      publisher.refreshCredentials(liAccount(org, { accessToken: 'a' }), AbortSignal.timeout(5000)),
    ).resolves.toBeNull();
  });

  it('validates 3,000 graphemes, 20 images, and one video alone (no images, no second video)', () => {
    expect(publisher.validate(content({ text: 'ü'.repeat(3_000) }))).toEqual([]);
    expect(publisher.validate(content({ text: 'a'.repeat(3_001) })).map((i) => i.code)).toEqual([
      'linkedin.text_too_long',
    ]);
    expect(publisher.validate(content({ text: 'x', media: [video()] }))).toEqual([]);
    const mixed = publisher.validate(content({ text: 'x', media: [video(), hostedImage()] }));
    expect(mixed.map((i) => i.code)).toEqual(['linkedin.video_alone']);
    expect(mixed[0].message).toMatchObject({
      id: expect.stringContaining('satu video'),
      en: expect.stringContaining('only one video'),
    });
    expect(publisher.validate(content({ text: 'x', media: [hostedImage(), video()] })).map((i) => i.code)).toEqual([
      'linkedin.video_alone',
    ]);
    expect(publisher.validate(content({ text: 'x', media: [video(), video()] })).map((i) => i.code)).toEqual([
      'linkedin.video_alone',
    ]);
  });

  it('verifies an organisation through /rest/organizations/{id} and a member through /v2/userinfo; AUTH for a bad token', async () => {
    await expect(publisher.verifyCredentials(liAccount(), AbortSignal.timeout(5000))).resolves.toEqual({
      externalId: org,
      displayName: 'KSBSI',
      handle: 'ksbsi',
    });
    expect(server.requestsTo('GET', /organizations/)[0].headers['linkedin-version']).toBe(LINKEDIN_VERSION);
    await expect(
      publisher.verifyCredentials(liAccount(`urn:li:person:${member.sub}`), AbortSignal.timeout(5000)),
    ).resolves.toEqual({
      externalId: `urn:li:person:${member.sub}`,
      displayName: 'Siti Buruh',
      handle: null,
    });
    await publishFailure(
      publisher.verifyCredentials(liAccount(org, { accessToken: 'bad' }), AbortSignal.timeout(5000)),
      'AUTH',
    );
  });

  it('OAuth: builds the authorize URL and exchanges a code for tokens; a bad code is AUTH without leaking the secret', async () => {
    const url = new URL(buildLinkedInAuthorizeUrl(server.app, 'st-li', 'https://api.linkedin.com'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/oauth/v2/authorization');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: server.app.clientId,
      redirect_uri: server.app.redirectUri,
      state: 'st-li',
      scope: 'openid profile w_member_social w_organization_social r_organization_admin',
    });
    server.codes.set('li-code', member.sub);
    const tokens = await exchangeLinkedInCode(
      new PlatformHttp(testEgress()),
      server.baseUrl,
      server.app,
      'li-code',
      AbortSignal.timeout(5000),
    );
    expect(tokens.accessToken).toMatch(/^lat-/);
    expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 86_400_000);
    const error = await publishFailure(
      exchangeLinkedInCode(
        new PlatformHttp(testEgress()),
        server.baseUrl,
        server.app,
        'li-code',
        AbortSignal.timeout(5000),
      ),
      'AUTH',
    );
    expectNoSecrets(error, [server.app.clientSecret]);
  });
});
