import fc from 'fast-check';
import { countGraphemes, PlatformHttp, type Publisher } from '../../src/publishers';
import {
  buildFacebookAuthorizeUrl,
  exchangeFacebookCode,
  facebookPageAccounts,
} from '../../src/publishers/facebook/facebook-oauth';
import { FacebookPublisher } from '../../src/publishers/facebook/facebook.publisher';
import { dropConnection, sendJson } from '../contracts/contract-server';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
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
import { testConfig, testEgress } from '../support/test-config';

describe('Facebook Pages publisher against the Graph API contract', () => {
  let server: FacebookContract;
  let publisher: FacebookPublisher;
  const page = { id: '1029384756', name: 'KSPI Pusat', username: 'kspi.pusat', pageAccessToken: 'page-token-secret' };
  const pageAccount = () =>
    account('FACEBOOK', { externalId: page.id, credentials: { pageAccessToken: page.pageAccessToken } });

  beforeAll(async () => {
    server = await new FacebookContract().addPage(page).start();
    publisher = new FacebookPublisher(new PlatformHttp(testEgress()), testConfig({ GRAPH_API_URL: server.apiUrl }));
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.posts.length = 0;
  });

  it('publishes a text post to /{page-id}/feed with the first link and the token in the form body, never in the URL', async () => {
    const result = await publisher.publish(
      publishRequest(pageAccount(), content({ text: 'Tolak upah murah! https://kspi.or.id/aksi' })),
    );
    expect(result.externalId).toMatch(new RegExp(`^${page.id}_\\d+$`));
    expect(result.url).toBe(`https://www.facebook.com/${result.externalId}`);
    const [call] = server.requestsTo('POST', /\/feed$/);
    expect(call.path).toBe(`/v23.0/${page.id}/feed`);
    expect((call.json as Record<string, string>).access_token).toBe(page.pageAccessToken);
    expect(formParams(call)).toEqual({
      message: 'Tolak upah murah! https://kspi.or.id/aksi',
      link: 'https://kspi.or.id/aksi',
    });
    expect(call.query.toString()).not.toContain(page.pageAccessToken);
    expect(server.posts).toHaveLength(1);
  });

  it('publishes one photo with its caption through /photos and returns the post id, not the photo id', async () => {
    const photo = hostedImage('https://media.gaung.example/aksi.jpg');
    const result = await publisher.publish(
      publishRequest(pageAccount(), content({ text: 'Aksi 1 Mei', media: [photo] })),
    );
    const [call] = server.requestsTo('POST', /\/photos$/);
    expect(formParams(call)).toEqual({ url: 'https://media.gaung.example/aksi.jpg', caption: 'Aksi 1 Mei' });
    expect(result.externalId).toBe(server.posts[0].id);
    expect(server.posts[0].kind).toBe('photo');
  });

  it('publishes several photos as unpublished photos attached to one feed post', async () => {
    const result = await publisher.publish(
      publishRequest(
        pageAccount(),
        content({ text: 'Galeri aksi', media: [hostedImage(), hostedImage(), hostedImage()] }),
      ),
    );
    const uploads = server.requestsTo('POST', /\/photos$/);
    expect(uploads).toHaveLength(3);
    for (const upload of uploads) expect(formParams(upload)).toMatchObject({ published: 'false' });
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0]).toMatchObject({ id: result.externalId, message: 'Galeri aksi', kind: 'feed' });
    expect(server.posts[0].attachedMedia).toHaveLength(3);
  });

  it('publishes a video through /videos with file_url', async () => {
    const clip = video('https://media.gaung.example/long-march.mp4');
    const result = await publisher.publish(
      publishRequest(pageAccount(), content({ text: 'Long march', media: [clip] })),
    );
    expect(formParams(server.requestsTo('POST', /\/videos$/)[0])).toEqual({
      file_url: clip.publicUrl,
      description: 'Long march',
    });
    expect(result.url).toBe(`https://www.facebook.com/${result.externalId}`);
  });

  it('maps an invalid token (code 190) to AUTH without leaking the token', async () => {
    const acc = account('FACEBOOK', { externalId: page.id, credentials: { pageAccessToken: 'revoked-token-xyz' } });
    const error = await publishFailure(publisher.publish(publishRequest(acc, content({ text: 'Halo' }))), 'AUTH');
    expect(error.code).toBe('facebook.190');
    expect(error.message).toContain('Invalid OAuth access token');
    expectNoSecrets(error, ['revoked-token-xyz']);
  });

  it.each([
    [10, 403, 'AUTH', '(#10) Application does not have permission for this action'],
    [200, 403, 'AUTH', '(#200) Requires pages_manage_posts permission'],
    [100, 400, 'PERMANENT', '(#100) Invalid parameter'],
    [506, 400, 'PERMANENT', 'Duplicate status message'],
    [368, 400, 'PERMANENT', 'The action attempted has been deemed abusive'],
    [1, 500, 'AMBIGUOUS', 'An unknown error occurred'],
    [2, 503, 'AMBIGUOUS', 'Service temporarily unavailable'],
  ] as const)('maps Graph error code %i (HTTP %i) on a post to %s', async (code, status, kind, message) => {
    server.failNext('POST', /\/feed$/, (_req, res) => sendGraphError(res, { status, code, message }));
    const error = await publishFailure(
      publisher.publish(publishRequest(pageAccount(), content({ text: 'Halo' }))),
      kind,
    );
    expect(error.httpStatus).toBe(status);
    expect(error.message).toContain(message);
    expect(error.message).toContain('fbtrace_id');
  });

  it.each([4, 17, 32, 613, 80001])(
    'maps throttling code %i to NOT_SENT_RETRYABLE rate limited, with the usage header estimate',
    async (code) => {
      const usage = JSON.stringify({
        [page.id]: [
          { type: 'pages', call_count: 100, total_cputime: 20, total_time: 30, estimated_time_to_regain_access: 7 },
        ],
      });
      server.failNext('POST', /\/feed$/, (_req, res) =>
        sendGraphError(res, {
          status: 400,
          code,
          message: '(#80001) There have been too many calls to this Page account',
          headers: { 'x-business-use-case-usage': usage },
        }),
      );
      const error = await publishFailure(
        publisher.publish(publishRequest(pageAccount(), content({ text: 'Halo' }))),
        'NOT_SENT_RETRYABLE',
      );
      expect(error.rateLimited).toBe(true);
      expect(error.retryAfterMs).toBe(7 * 60_000);
    },
  );

  it('leaves retryAfterMs to the engine when a throttled answer carries no estimate', async () => {
    server.failNext('POST', /\/feed$/, (_req, res) =>
      sendGraphError(res, {
        status: 400,
        code: 4,
        message: '(#4) Application request limit reached',
        headers: { 'x-app-usage': '{"call_count":100,"total_cputime":10,"total_time":10}' },
      }),
    );
    const error = await publishFailure(
      publisher.publish(publishRequest(pageAccount(), content({ text: 'Halo' }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error).toMatchObject({ rateLimited: true, retryAfterMs: undefined });
  });

  it('treats a dropped connection after the post was sent as AMBIGUOUS, and declares no safe retry', async () => {
    server.failNext('POST', /\/feed$/, (_req, res) => dropConnection(res));
    await publishFailure(publisher.publish(publishRequest(pageAccount(), content({ text: 'Halo' }))), 'AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('none');
    expect((publisher as Publisher).findPublished).toBeUndefined();
  });

  it('treats a refused connection as NOT_SENT_RETRYABLE', async () => {
    const offline = new FacebookPublisher(
      new PlatformHttp(testEgress()),
      testConfig({ GRAPH_API_URL: 'http://127.0.0.1:1/v23.0' }),
    );
    await publishFailure(
      offline.publish(publishRequest(pageAccount(), content({ text: 'Halo' }))),
      'NOT_SENT_RETRYABLE',
    );
  });

  it('turns an ambiguous failure while uploading unpublished photos into NOT_SENT_RETRYABLE (nothing is visible yet)', async () => {
    server.failNext('POST', /\/photos$/, (_req, res) => dropConnection(res));
    await publishFailure(
      publisher.publish(
        publishRequest(pageAccount(), content({ text: 'Galeri', media: [hostedImage(), hostedImage()] })),
      ),
      'NOT_SENT_RETRYABLE',
    );
    expect(server.posts).toHaveLength(0);
  });

  it('validates length in graphemes (63,206), video alone and empty posts, in Indonesian and English', () => {
    // A flag is one grapheme (four UTF-16 units): exactly at the limit passes.
    expect(publisher.validate(content({ text: 'a'.repeat(63_205) + '🇮🇩' }))).toEqual([]);
    const tooLong = publisher.validate(content({ text: 'a'.repeat(63_207) }));
    expect(tooLong.map((i) => i.code)).toEqual(['facebook.text_too_long']);
    expect(tooLong[0].message.id).toContain('63207');
    expect(tooLong[0].message.en).toContain('63206');
    expect(publisher.validate(content({ text: 'x', media: [video(), hostedImage()] })).map((i) => i.code)).toEqual([
      'facebook.video_alone',
    ]);
    expect(publisher.validate(content({ text: '  ' })).map((i) => i.code)).toEqual(['facebook.empty']);
    expect(
      publisher
        .validate(content({ text: 'x', media: Array.from({ length: 11 }, () => hostedImage()) }))
        .map((i) => i.code),
    ).toEqual(['facebook.too_many_media']);
  });

  it('verifies credentials with GET /{page-id}?fields=id,name,username, and AUTH for a bad token', async () => {
    await expect(publisher.verifyCredentials(pageAccount(), AbortSignal.timeout(5000))).resolves.toEqual({
      externalId: page.id,
      displayName: 'KSPI Pusat',
      handle: 'kspi.pusat',
    });
    expect(server.requestsTo('GET', new RegExp(`/${page.id}$`))[0].query.get('fields')).toBe('id,name,username');
    const bad = account('FACEBOOK', { externalId: page.id, credentials: { pageAccessToken: 'nope' } });
    await publishFailure(publisher.verifyCredentials(bad, AbortSignal.timeout(5000)), 'AUTH');
    await publishFailure(
      publisher.verifyCredentials(account('FACEBOOK', { externalId: page.id }), AbortSignal.timeout(5000)),
      'AUTH',
    );
  });

  it('reads the GET answer of a 5xx as not sent (a read cannot post twice)', async () => {
    server.failNext('GET', new RegExp(`/${page.id}$`), (_req, res) =>
      sendJson(res, 500, { error: { message: 'An unknown error occurred', code: 1 } }),
    );
    await publishFailure(publisher.verifyCredentials(pageAccount(), AbortSignal.timeout(5000)), 'NOT_SENT_RETRYABLE');
  });

  describe('OAuth', () => {
    const http = new PlatformHttp(testEgress());
    it('builds the login dialog URL with the Graph version, scopes and state', () => {
      const url = new URL(buildFacebookAuthorizeUrl(server.app, 'state-123', 'https://graph.facebook.com/v23.0'));
      expect(url.origin + url.pathname).toBe('https://www.facebook.com/v23.0/dialog/oauth');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        client_id: 'fb-app-1',
        redirect_uri: server.app.redirectUri,
        state: 'state-123',
        scope: 'pages_show_list,pages_read_engagement,pages_manage_posts',
        response_type: 'code',
      });
    });

    it('exchanges a code for a long-lived user token and lists page credentials', async () => {
      server.validCodes.add('code-ok');
      const token = await exchangeFacebookCode(http, server.apiUrl, server.app, 'code-ok', AbortSignal.timeout(5000));
      expect(token.accessToken).toBe('long-short-code-ok');
      expect(token.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 59 * 24 * 3600 * 1000);
      const pages = await facebookPageAccounts(http, server.apiUrl, token.accessToken, AbortSignal.timeout(5000));
      expect(pages).toEqual([
        {
          externalId: page.id,
          displayName: 'KSPI Pusat',
          handle: 'kspi.pusat',
          credentials: { pageAccessToken: page.pageAccessToken },
        },
      ]);
    });

    it('refuses a bad or reused code without leaking the app secret', async () => {
      const error = await publishFailure(
        exchangeFacebookCode(http, server.apiUrl, server.app, 'used-code', AbortSignal.timeout(5000)),
        'PERMANENT',
      );
      expectNoSecrets(error, [server.app.appSecret]);
    });
  });
});

describe('grapheme counting at the Facebook limit (shared countGraphemes)', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // Each segment object carries a copy of the whole input: count without keeping them.
  const reference = (text: string) => {
    let count = 0;
    for (const _ of segmenter.segment(text)) count++;
    return count;
  };

  it('counts exactly as the segmenter does, whatever the pieces cut', () => {
    const parts = [
      'a',
      ' ',
      '\r\n',
      '\n',
      '\r',
      'e\u0301',
      '🇮🇩',
      '👍🏽',
      '👩‍👩‍👧‍👦',
      '労',
      'ก่',
      '\u0600',
      '1\ufe0f\u20e3',
      '#',
      'Z',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 3_000 }), (pieces) => {
        const text = pieces.join('');
        expect(countGraphemes(text)).toBe(reference(text));
      }),
      { numRuns: 60 },
    );
  });

  it('counts a post at the 63,206-character limit exactly', () => {
    const text = 'Buruh bersatu tak bisa dikalahkan! ✊🏽\n'.repeat(2_000).slice(0, 63_206);
    expect(countGraphemes(text)).toBe(reference(text));
  });
});
