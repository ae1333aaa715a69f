import { PlatformHttp, type MediaItem } from '../../src/publishers';
import { BlueskyPublisher, rkeyFromIdempotencyKey } from '../../src/publishers/bluesky';
import { BlueskyContract } from '../contracts/bluesky/bluesky-contract';
import { testConfig, testEgress } from '../support/test-config';
import { account, content, failure, image, publishRequest } from './publish-request.fixture';

const DID = 'did:plc:kspi2026serikatburuh';
/** Bytes that start like an MP4 (an ftyp box); the PDS contract only checks type and size. */
const MP4_BYTES = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(500, 7)]);
const clip = (altText: string | null = null, bytes = MP4_BYTES): MediaItem => ({
  ...image('clip', altText, bytes),
  kind: 'VIDEO',
  mimeType: 'video/mp4',
  publicUrl: 'http://127.0.0.1:9/media/clip.mp4',
});

describe('BlueskyPublisher against the PDS contract', () => {
  let pds: BlueskyContract;
  let publisher: BlueskyPublisher;
  let accountCounter = 0;
  /** A fresh account context per test, so in-memory sessions do not leak between tests. */
  const kspi = (overrides = {}) => {
    accountCounter += 1;
    return account('BLUESKY', {
      accountId: `acc-${accountCounter}`,
      credentials: { identifier: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
      ...overrides,
    });
  };

  beforeAll(async () => {
    pds = await new BlueskyContract().start();
    pds.addAccount({ did: DID, handle: 'kspi.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' });
    pds.handles.set('ituc.bsky.social', 'did:plc:ituc');
    publisher = new BlueskyPublisher(
      new PlatformHttp(testEgress()),
      testConfig({ BLUESKY_SERVICE_URL: pds.baseUrl, PUBLISH_TIMEOUT_MS: '500' }),
    );
  });
  afterAll(async () => {
    await pds.stop();
  });

  it('logs in with the app password and creates a post at the derived record key', async () => {
    const request = publishRequest(kspi(), { text: 'Upah layak untuk semua' });
    const result = await publisher.publish(request);
    const rkey = rkeyFromIdempotencyKey(request.idempotencyKey);
    expect(result).toEqual({
      externalId: `at://${DID}/app.bsky.feed.post/${rkey}`,
      url: `https://bsky.app/profile/kspi.bsky.social/post/${rkey}`,
    });
    const login = pds.server.requestsTo('POST', /createSession$/).at(-1)!;
    expect(login.json).toEqual({ identifier: 'kspi.bsky.social', password: 'abcd-efgh-ijkl-mnop' });
    const create = pds.server.requestsTo('POST', /createRecord$/).at(-1)!;
    expect(create.json).toMatchObject({
      repo: DID,
      collection: 'app.bsky.feed.post',
      rkey,
      record: { $type: 'app.bsky.feed.post', text: 'Upah layak untuk semua' },
    });
    expect(Date.parse((create.json as { record: { createdAt: string } }).record.createdAt)).toBeGreaterThan(
      Date.now() - 10_000,
    );
  });

  it('derives a valid TID record key, stable for one delivery and different for another', () => {
    const key = rkeyFromIdempotencyKey('tgt-1-v3');
    expect(key).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(rkeyFromIdempotencyKey('tgt-1-v3')).toBe(key);
    expect(rkeyFromIdempotencyKey('tgt-1-v4')).not.toBe(key);
  });

  it('builds facets with UTF-8 byte offsets for links, mentions (resolved to DIDs) and hashtags, plus a link card', async () => {
    const text =
      'Solidaritas ✊🏽 dengan @ituc.bsky.social & @tidak.ada.test — baca https://ituc-csi.org/hak-mogok. #HakMogok #1';
    await publisher.publish(publishRequest(kspi(), { text }));
    const post = pds.posts.at(-1)!;
    const bytes = Buffer.from(text, 'utf8');
    const slice = (f: { index: { byteStart: number; byteEnd: number } }) =>
      bytes.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8');
    const facets = post.record.facets!;
    expect(facets.map(slice)).toEqual(['@ituc.bsky.social', 'https://ituc-csi.org/hak-mogok', '#HakMogok']);
    expect(facets.map((f) => f.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:ituc' },
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://ituc-csi.org/hak-mogok' },
      { $type: 'app.bsky.richtext.facet#tag', tag: 'HakMogok' },
    ]);
    // byte offsets differ from UTF-16 offsets after the emoji: prove we did not use string indexes
    expect(facets[0]!.index.byteStart).not.toBe(text.indexOf('@ituc'));
    expect(post.record.embed).toEqual({
      $type: 'app.bsky.embed.external',
      external: { uri: 'https://ituc-csi.org/hak-mogok', title: 'https://ituc-csi.org/hak-mogok', description: '' },
    });
  });

  it('uploads images as blobs and embeds them with alt text (no link card then)', async () => {
    await publisher.publish(
      publishRequest(kspi(), { text: 'Foto https://example.org', media: [image('a', 'Spanduk tuntutan'), image('b')] }),
    );
    const embed = pds.posts.at(-1)!.record.embed as {
      $type: string;
      images: Array<{ alt: string; image: { ref: { $link: string }; mimeType: string; size: number } }>;
    };
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images.map((i) => i.alt)).toEqual(['Spanduk tuntutan', '']);
    expect(embed.images[0]!.image).toMatchObject({ mimeType: 'image/png', size: 72 });
    expect(pds.blobs.get(embed.images[0]!.image.ref.$link)).toEqual({ mimeType: 'image/png', size: 72 });
  });

  it('uploads one video as a video/mp4 blob and embeds it with app.bsky.embed.video and alt text', async () => {
    await publisher.publish(
      publishRequest(kspi(), { text: 'Video aksi https://example.org', media: [clip('Massa aksi di depan DPR')] }),
    );
    const upload = pds.server.requestsTo('POST', /uploadBlob$/).at(-1)!;
    expect(upload.headers['content-type']).toBe('video/mp4');
    expect(upload.body.equals(MP4_BYTES)).toBe(true);
    const embed = pds.posts.at(-1)!.record.embed as {
      $type: string;
      alt: string;
      video: { $type: string; ref: { $link: string }; mimeType: string; size: number };
    };
    expect(embed).toEqual({
      $type: 'app.bsky.embed.video',
      alt: 'Massa aksi di depan DPR',
      video: { $type: 'blob', ref: { $link: expect.any(String) }, mimeType: 'video/mp4', size: MP4_BYTES.length },
    });
    expect(pds.blobs.get(embed.video.ref.$link)).toEqual({ mimeType: 'video/mp4', size: MP4_BYTES.length });
  });

  it('leaves alt out of the video embed when the video has none', async () => {
    await publisher.publish(publishRequest(kspi(), { text: 'Tanpa alt', media: [clip()] }));
    expect(Object.keys(pds.posts.at(-1)!.record.embed!)).toEqual(['$type', 'video']);
  });

  it('maps a lost upload answer to NOT_SENT_RETRYABLE without creating a record', async () => {
    const posts = pds.posts.length;
    const records = pds.server.requestsTo('POST', /createRecord$/).length;
    pds.dropNextUpload();
    const error = await failure(publisher.publish(publishRequest(kspi(), { text: 'Video hilang', media: [clip()] })));
    expect(error.kind).toBe('NOT_SENT_RETRYABLE');
    expect(pds.posts.length).toBe(posts);
    expect(pds.server.requestsTo('POST', /createRecord$/).length).toBe(records);
  });

  it('refreshes an expired access token (400 ExpiredToken) and retries once', async () => {
    const acc = kspi();
    await publisher.publish(publishRequest(acc));
    pds.expireAccessTokens();
    const logins = pds.server.requestsTo('POST', /createSession$/).length;
    const result = await publisher.publish(publishRequest(acc, { text: 'setelah refresh' }));
    expect(pds.posts.at(-1)!.record.text).toBe('setelah refresh');
    expect(result.externalId).toBe(pds.posts.at(-1)!.uri);
    expect(pds.server.requestsTo('POST', /refreshSession$/).length).toBeGreaterThan(0);
    expect(pds.server.requestsTo('POST', /createSession$/).length).toBe(logins);
  });

  it('logs in again when the refresh token is also gone', async () => {
    const acc = kspi();
    await publisher.publish(publishRequest(acc));
    pds.expireAccessTokens();
    pds.revokeRefreshTokens();
    const logins = pds.server.requestsTo('POST', /createSession$/).length;
    await publisher.publish(publishRequest(acc, { text: 'login ulang' }));
    expect(pds.posts.at(-1)!.record.text).toBe('login ulang');
    expect(pds.server.requestsTo('POST', /createSession$/).length).toBe(logins + 1);
  });

  it('does not double-post when retried after a lost answer: the rkey collides and the record is read back', async () => {
    const acc = kspi();
    const request = publishRequest(acc, { text: 'Sekali saja' });
    pds.failNextRecord({ kind: 'drop-after-create' });
    expect((await failure(publisher.publish(request))).kind).toBe('AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('deterministic-id');
    const retry = await publisher.publish(request);
    const copies = pds.posts.filter((p) => p.record.text === 'Sekali saja');
    expect(copies).toHaveLength(1);
    expect(retry.externalId).toBe(copies[0]!.uri);
    expect(pds.server.requestsTo('GET', /getRecord$/).length).toBeGreaterThan(0);
    expect(await publisher.findPublished(request)).toEqual(retry);
    expect(await publisher.findPublished(publishRequest(acc))).toBeNull();
  });

  it('maps a 5xx where nothing was created to AMBIGUOUS after checking the record', async () => {
    pds.failNextRecord({ kind: 'error', status: 502, error: 'UpstreamFailure', message: 'Upstream Failure' });
    const request = publishRequest(kspi());
    expect(await failure(publisher.publish(request))).toMatchObject({ kind: 'AMBIGUOUS', code: 'bluesky.502' });
    const lookup = pds.server.requestsTo('GET', /getRecord$/).at(-1)!;
    expect(lookup.query.get('rkey')).toBe(rkeyFromIdempotencyKey(request.idempotencyKey));
  });

  it('maps 429 with RateLimit-Reset (Unix seconds) to a rate-limited NOT_SENT', async () => {
    pds.failNextRecord({ kind: 'rate-limited', resetInSeconds: 120 });
    const error = await failure(publisher.publish(publishRequest(kspi())));
    expect(error).toMatchObject({ kind: 'NOT_SENT_RETRYABLE', code: 'bluesky.429', rateLimited: true });
    expect(error.retryAfterMs).toBeGreaterThan(115_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(121_000);
  });

  it('maps a rate-limited login to NOT_SENT too', async () => {
    pds.rateLimitSessions(true);
    try {
      expect(await failure(publisher.publish(publishRequest(kspi())))).toMatchObject({
        kind: 'NOT_SENT_RETRYABLE',
        rateLimited: true,
      });
    } finally {
      pds.rateLimitSessions(false);
    }
  });

  it('maps a wrong app password to AUTH without the password in the error', async () => {
    const error = await failure(
      publisher.publish(
        publishRequest(kspi({ credentials: { identifier: 'kspi.bsky.social', appPassword: 'wrong-pass-word-xxxx' } })),
      ),
    );
    expect(error).toMatchObject({ kind: 'AUTH', code: 'bluesky.AuthenticationRequired', httpStatus: 401 });
    expect(JSON.stringify({ message: error.message, cause: String(error.cause) })).not.toContain(
      'wrong-pass-word-xxxx',
    );
  });

  it('maps an invalid record (400 InvalidRequest) to PERMANENT', async () => {
    const error = await failure(publisher.publish(publishRequest(kspi(), { text: 'x'.repeat(301) })));
    expect(error).toMatchObject({ kind: 'PERMANENT', code: 'bluesky.InvalidRequest' });
    expect(error.message).toContain('300 graphemes');
  });

  it('treats a createRecord that never answers as AMBIGUOUS', async () => {
    pds.failNextRecord({ kind: 'hang-after-create' });
    expect((await failure(publisher.publish(publishRequest(kspi())))).kind).toBe('AMBIGUOUS');
  });

  it('verifies credentials with createSession, returning the DID and handle', async () => {
    expect(await publisher.verifyCredentials(kspi(), new AbortController().signal)).toEqual({
      externalId: DID,
      displayName: 'kspi.bsky.social',
      handle: 'kspi.bsky.social',
      settings: {},
    });
    expect(
      await failure(
        publisher.verifyCredentials(
          kspi({ credentials: { identifier: 'kspi.bsky.social', appPassword: 'nope' } }),
          new AbortController().signal,
        ),
      ),
    ).toMatchObject({ kind: 'AUTH' });
    expect(
      await failure(publisher.verifyCredentials(kspi({ credentials: {} }), new AbortController().signal)),
    ).toMatchObject({ kind: 'AUTH', code: 'bluesky.no_credentials' });
  });

  describe('validate', () => {
    it('allows 300 graphemes: flags and combining marks count once', () => {
      expect(publisher.validate(content({ text: '🇮🇩'.repeat(300) }))).toEqual([]);
      expect(publisher.validate(content({ text: 'e\u0301'.repeat(300) }))).toEqual([]);
      const issues = publisher.validate(content({ text: '👩🏽‍🏭'.repeat(301) }));
      expect(issues.map((i) => i.code)).toEqual(['bluesky.text_too_long']);
      expect(issues[0]!.message.en).toBe('Text is too long for Bluesky: 301 of at most 300 characters.');
    });

    it('allows one MP4 video of at most 50 MB, never with images or another video', () => {
      expect(publisher.validate(content({ text: '', media: [clip()] }))).toEqual([]);
      const mixed = publisher.validate(content({ media: [clip(), image('a')] }));
      expect(mixed.map((i) => i.code)).toEqual(['bluesky.video_with_images']);
      expect(mixed[0]!.message).toEqual({
        id: 'Video Bluesky tidak bisa digabung dengan gambar.',
        en: 'A Bluesky video cannot be combined with images.',
      });
      expect(publisher.validate(content({ media: [clip(), clip()] })).map((i) => i.code)).toEqual([
        'bluesky.too_many_videos',
      ]);
      const big = publisher.validate(content({ media: [{ ...clip(), byteSize: 50 * 1024 * 1024 + 1 }] }));
      expect(big.map((i) => i.code)).toEqual(['bluesky.video_too_large']);
      expect(big[0]!.message.id).toBe(
        'Video terlalu besar untuk platform ini: paling besar 50 MB (video tidak dikecilkan otomatis).',
      );
      expect(publisher.validate(content({ media: [{ ...clip(), byteSize: 50 * 1024 * 1024 }] }))).toEqual([]);
      expect(
        publisher.validate(content({ media: [{ ...clip(), mimeType: 'video/quicktime' }] })).map((i) => i.code),
      ).toEqual(['bluesky.video_format']);
    });

    it('allows at most 4 images; one over 1 MB is no issue, it is fitted at publish time (test/media/renditions.e2e.ts)', () => {
      const five = Array.from({ length: 5 }, (_, i) => image(`m${i}`));
      expect(publisher.validate(content({ media: five })).map((i) => i.code)).toEqual(['bluesky.too_many_media']);
      const big = { ...image('big'), byteSize: 1_000_001, width: 4000, height: 3000 };
      expect(publisher.validate(content({ media: [big] }))).toEqual([]);
      expect(publisher.validate(content({ media: [{ ...big, mimeType: 'image/gif' }] })).map((i) => i.code)).toEqual([
        'bluesky.image_format',
      ]);
    });

    it('asks for text or media', () => {
      const empty = publisher.validate(content({ text: ' \n' }));
      expect(empty).toEqual([
        {
          code: 'bluesky.empty',
          message: { id: 'Tulis teks atau lampirkan media.', en: 'Write some text or attach media.' },
        },
      ]);
      expect(publisher.validate(content({ text: '', media: [image('a')] }))).toEqual([]);
    });
  });
});
