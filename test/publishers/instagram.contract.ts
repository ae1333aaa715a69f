import { PlatformHttp } from '../../src/publishers';
import { buildInstagramAuthorizeUrl, instagramAccounts } from '../../src/publishers/instagram/instagram-oauth';
import { InstagramPublisher } from '../../src/publishers/instagram/instagram.publisher';
import { dropConnection } from '../contracts/contract-server';
import { FacebookContract } from '../contracts/facebook/facebook-contract';
import { InstagramContract } from '../contracts/instagram/instagram-contract';
import { formParams, sendGraphError } from '../contracts/meta-graph/graph-contract';
import { account, content, hostedImage, publishFailure, publishRequest, video } from './publish-request.fixture';
import { testConfig, testEgress } from '../support/test-config';

describe('Instagram publisher against the content publishing contract', () => {
  let server: InstagramContract;
  let publisher: InstagramPublisher;
  const igUserId = '17841400000000001';
  const token = 'ig-page-token-secret';
  const igAccount = () => account('INSTAGRAM', { externalId: igUserId, credentials: { accessToken: token } });

  beforeAll(async () => {
    server = await new InstagramContract()
      .addUser(igUserId, { token, username: 'kspi_official', name: 'KSPI' })
      .start();
    publisher = new InstagramPublisher(new PlatformHttp(testEgress()), testConfig({ GRAPH_API_URL: server.apiUrl }), {
      intervalMs: 5,
      maxAttempts: 5,
    });
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    server.published.length = 0;
    server.nextOutcomes.length = 0;
    server.quotaUsage = 0;
  });

  it('checks the quota, creates an image container, waits for FINISHED, publishes and reads the permalink', async () => {
    server.nextOutcomes.push({ inProgressPolls: 2, final: 'FINISHED' });
    const photo = hostedImage('https://media.gaung.example/poster.jpg');
    const result = await publisher.publish(
      publishRequest(igAccount(), content({ text: 'Mogok nasional #TolakOmnibus', media: [photo] })),
    );
    expect(result).toEqual({
      externalId: server.published[0].id,
      url: `https://www.instagram.com/p/${server.published[0].id}/`,
    });
    const sequence = server.requests.map((r) => `${r.method} ${r.path.replace(/\d{6,}/g, ':id')}`);
    expect(sequence).toEqual([
      'GET /v23.0/:id/content_publishing_limit',
      'POST /v23.0/:id/media',
      'GET /v23.0/:id',
      'GET /v23.0/:id',
      'GET /v23.0/:id',
      'POST /v23.0/:id/media_publish',
      'GET /v23.0/:id',
    ]);
    expect(formParams(server.requestsTo('POST', /\/media$/)[0])).toEqual({
      image_url: photo.publicUrl,
      caption: 'Mogok nasional #TolakOmnibus',
    });
    expect(server.requestsTo('GET', /\/v23\.0\/\d+$/)[0].query.get('fields')).toBe('status_code,status');
    expect(server.published[0].container.id).toBe(
      (server.requestsTo('POST', /media_publish$/)[0].json as { creation_id: string }).creation_id,
    );
  });

  it('publishes a carousel: one child container per item, then a CAROUSEL container with the children', async () => {
    const items = [hostedImage(), video(), hostedImage()];
    await publisher.publish(publishRequest(igAccount(), content({ text: 'Galeri', media: items })));
    const creates = server.requestsTo('POST', /\/media$/).map(formParams);
    expect(creates.slice(0, 3)).toEqual([
      { image_url: items[0].publicUrl, is_carousel_item: 'true' },
      { media_type: 'VIDEO', video_url: items[1].publicUrl, is_carousel_item: 'true' },
      { image_url: items[2].publicUrl, is_carousel_item: 'true' },
    ]);
    const childIds = [...server.containers.values()]
      .filter((c) => c.params.is_carousel_item)
      .map((c) => c.id)
      .slice(-3);
    expect(creates[3]).toEqual({ media_type: 'CAROUSEL', children: childIds.join(','), caption: 'Galeri' });
    expect(server.published).toHaveLength(1);
  });

  it('publishes a single video as a REELS container', async () => {
    const clip = video();
    await publisher.publish(publishRequest(igAccount(), content({ text: 'Reel aksi', media: [clip] })));
    expect(formParams(server.requestsTo('POST', /\/media$/)[0])).toEqual({
      media_type: 'REELS',
      video_url: clip.publicUrl,
      caption: 'Reel aksi',
    });
  });

  it('fails PERMANENT when the container ends in ERROR, with the reason and without publishing', async () => {
    server.nextOutcomes.push({ inProgressPolls: 1, final: 'ERROR' });
    const error = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'PERMANENT',
    );
    expect(error.code).toBe('instagram.container_error');
    expect(error.message).toContain('Media download has failed');
    expect(server.requestsTo('POST', /media_publish$/)).toHaveLength(0);
  });

  it('fails NOT_SENT_RETRYABLE when the container EXPIRED or is still IN_PROGRESS after the bounded polling', async () => {
    server.nextOutcomes.push({ inProgressPolls: 0, final: 'EXPIRED' });
    const expired = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(expired.code).toBe('instagram.container_expired');
    server.nextOutcomes.push({ inProgressPolls: 50, final: 'FINISHED' });
    const slow = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(slow.code).toBe('instagram.container_timeout');
    expect(server.requestsTo('GET', /\/v23\.0\/\d+$/).length).toBe(1 + 5);
    expect(server.published).toHaveLength(0);
  });

  it('stops polling when the publish timeout aborts, as NOT_SENT_RETRYABLE (media_publish never called)', async () => {
    const patient = new InstagramPublisher(
      new PlatformHttp(testEgress()),
      testConfig({ GRAPH_API_URL: server.apiUrl }),
      { intervalMs: 1_000, maxAttempts: 100 },
    );
    server.nextOutcomes.push({ inProgressPolls: 100, final: 'FINISHED' });
    await publishFailure(
      patient.publish(
        publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }), {
          signal: AbortSignal.timeout(300),
        }),
      ),
      'NOT_SENT_RETRYABLE',
    );
    expect(server.requestsTo('POST', /media_publish$/)).toHaveLength(0);
  });

  it('refuses to publish over the 24-hour quota: NOT_SENT_RETRYABLE, rate limited, no container created', async () => {
    server.quotaUsage = 50;
    const error = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error).toMatchObject({ rateLimited: true, retryAfterMs: 3_600_000, code: 'instagram.quota_exhausted' });
    expect(server.requestsTo('POST', /\/media$/)).toHaveLength(0);
    expect(publisher.limits.rateBudget).toEqual({ posts: 50, windowMs: 86_400_000 });
  });

  it('against a quota counted by receipt (rolling window): the limit edge reports it, one more is refused', async () => {
    server.rollingQuota = { total: 2, windowMs: 60_000 };
    try {
      for (const text of ['satu', 'dua'])
        await publisher.publish(publishRequest(igAccount(), content({ text, media: [hostedImage()] })));
      const error = await publishFailure(
        publisher.publish(publishRequest(igAccount(), content({ text: 'tiga', media: [hostedImage()] }))),
        'NOT_SENT_RETRYABLE',
      );
      expect(error.code).toBe('instagram.quota_exhausted');
      expect(error.message).toContain('2 of 2');
      // Past the publisher's own check, the platform refuses with its documented error.
      const creation = server.newId();
      server.containers.set(creation, {
        id: creation,
        userId: igUserId,
        params: {},
        pollsLeft: 0,
        finalStatus: 'FINISHED',
        status: 'FINISHED',
      });
      expect(server.publishContainer(creation, igUserId).error).toMatchObject({ code: 9, subcode: 2207042 });
      expect(server.quotaRefusals).toBe(1);
      expect(server.mostInAnyWindow(igUserId)).toBe(2);
      // A receipt ages out of the window: counted by the time each publish was received.
      expect(server.usageInWindow(igUserId, Date.now() + 60_000)).toBe(0);
    } finally {
      server.rollingQuota = null;
      server.quotaRefusals = 0;
    }
  });

  it('maps the publish limit error (code 9 / 2207042) on media_publish to rate limited', async () => {
    server.failNext('POST', /media_publish$/, (_req, res) =>
      sendGraphError(res, { status: 400, code: 9, subcode: 2207042, message: 'Application request limit reached' }),
    );
    const error = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'NOT_SENT_RETRYABLE',
    );
    expect(error).toMatchObject({ rateLimited: true, code: 'instagram.9.2207042' });
  });

  describe('a lost media_publish answer, resolved in the same attempt through the container', () => {
    const containerRead = /\/v23\.0\/\d+$/;

    it('reads the id back when Instagram did publish (container PUBLISHED): one post, one media_publish call', async () => {
      server.failNext('POST', /media_publish$/, (req, res) => {
        server.publishContainer(formParams(req).creation_id, igUserId);
        dropConnection(res);
      });
      const result = await publisher.publish(
        publishRequest(igAccount(), content({ text: 'Terbit sekali', media: [hostedImage()] })),
      );
      expect(server.published).toHaveLength(1);
      expect(result).toEqual({ externalId: server.published[0].id, url: server.published[0].permalink });
      expect(server.requestsTo('POST', /media_publish$/)).toHaveLength(1);
      const list = server.requestsTo('GET', /\/media$/)[0];
      expect(list.query.get('fields')).toBe('id,caption,timestamp');
    });

    it('publishes the same container again when it is still FINISHED (after a drop or a transient 5xx): exactly one post', async () => {
      server.failNext('POST', /media_publish$/, (_req, res) => dropConnection(res));
      await publisher.publish(publishRequest(igAccount(), content({ text: 'Coba lagi', media: [hostedImage()] })));
      server.failNext('POST', /media_publish$/, (_req, res) =>
        sendGraphError(res, { status: 500, code: 2, message: 'Service temporarily unavailable', isTransient: true }),
      );
      await publisher.publish(publishRequest(igAccount(), content({ text: 'Coba lagi 2', media: [hostedImage()] })));
      const publishes = server.requestsTo('POST', /media_publish$/).map(formParams);
      expect(publishes).toHaveLength(4);
      expect(publishes[1].creation_id).toBe(publishes[0].creation_id);
      expect(publishes[3].creation_id).toBe(publishes[2].creation_id);
      expect(server.published).toHaveLength(2);
    });

    it('stays AMBIGUOUS when the container cannot be read, or when it is published but our media is not found', async () => {
      server.failNext('POST', /media_publish$/, (_req, res) => {
        // A read is sent once more on a fresh connection (docs/publishing.md, "Stale connections"): lose both.
        for (let i = 0; i < 2; i++) server.failNext('GET', containerRead, (_r, inner) => dropConnection(inner));
        dropConnection(res);
      });
      const unread = await publishFailure(
        publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
        'AMBIGUOUS',
      );
      expect(unread.code).toBe('instagram.econnreset');
      server.failNext('POST', /media_publish$/, (req, res) => {
        server.publishContainer(formParams(req).creation_id, igUserId);
        server.published.at(-1)!.container.params.caption = 'diubah di aplikasi';
        dropConnection(res);
      });
      const unknown = await publishFailure(
        publisher.publish(publishRequest(igAccount(), content({ text: 'y', media: [hostedImage()] }))),
        'AMBIGUOUS',
      );
      expect(unknown.code).toBe('instagram.published_id_unknown');
      expect(server.published).toHaveLength(1);
      expect(publisher.ambiguousRetry).toBe('none');
    });

    it('is NOT_SENT when container creation drops (nothing is visible yet)', async () => {
      server.failNext('POST', /\/media$/, (_req, res) => dropConnection(res));
      await publishFailure(
        publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
        'NOT_SENT_RETRYABLE',
      );
    });
  });

  it('maps an expired token to AUTH and an invalid parameter to PERMANENT', async () => {
    const revoked = account('INSTAGRAM', { externalId: igUserId, credentials: { accessToken: 'revoked' } });
    await publishFailure(
      publisher.publish(publishRequest(revoked, content({ text: 'x', media: [hostedImage()] }))),
      'AUTH',
    );
    server.failNext('POST', /\/media$/, (_req, res) =>
      sendGraphError(res, {
        status: 400,
        code: 100,
        subcode: 2207052,
        message: 'The media could not be fetched from this URI',
      }),
    );
    const error = await publishFailure(
      publisher.publish(publishRequest(igAccount(), content({ text: 'x', media: [hostedImage()] }))),
      'PERMANENT',
    );
    expect(error.code).toBe('instagram.100.2207052');
  });

  it('validates: media required, 2,200 graphemes, 30 hashtags, 10 items', () => {
    expect(publisher.validate(content({ text: 'Tanpa gambar' })).map((i) => i.code)).toEqual([
      'instagram.media_required',
    ]);
    expect(publisher.validate(content({ text: 'é'.repeat(2_200), media: [hostedImage()] }))).toEqual([]);
    expect(publisher.validate(content({ text: 'e\u0301'.repeat(2_200), media: [hostedImage()] }))).toEqual([]);
    expect(publisher.validate(content({ text: 'e'.repeat(2_201), media: [hostedImage()] })).map((i) => i.code)).toEqual(
      ['instagram.text_too_long'],
    );
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#buruh${i}`).join(' ');
    expect(publisher.validate(content({ text: tags(30), media: [hostedImage()] }))).toEqual([]);
    const tooMany = publisher.validate(content({ text: tags(31), media: [hostedImage()] }));
    expect(tooMany.map((i) => i.code)).toEqual(['instagram.too_many_hashtags']);
    expect(tooMany[0].message.id).toContain('tagar');
    expect(
      publisher
        .validate(content({ text: 'x', media: Array.from({ length: 11 }, () => hostedImage()) }))
        .map((i) => i.code),
    ).toEqual(['instagram.too_many_media']);
  });

  it('verifies credentials (GET /{ig-user-id}) and answers AUTH for a bad token', async () => {
    await expect(publisher.verifyCredentials(igAccount(), AbortSignal.timeout(5000))).resolves.toEqual({
      externalId: igUserId,
      displayName: 'KSPI',
      handle: 'kspi_official',
    });
    await publishFailure(
      publisher.verifyCredentials(
        account('INSTAGRAM', { externalId: igUserId, credentials: { accessToken: 'bad' } }),
        AbortSignal.timeout(5000),
      ),
      'AUTH',
    );
  });

  it('OAuth: builds the Facebook Login URL with Instagram scopes and turns a user token into IG accounts', async () => {
    const url = new URL(
      buildInstagramAuthorizeUrl(
        { appId: 'app', redirectUri: 'https://g.example/oauth/callback/instagram' },
        's1',
        'https://graph.facebook.com/v23.0',
      ),
    );
    expect(url.searchParams.get('scope')).toBe(
      'instagram_basic,instagram_content_publish,pages_show_list,pages_read_engagement',
    );
    expect(url.searchParams.get('state')).toBe('s1');
    const facebook = await new FacebookContract()
      .addPage({
        id: '11',
        name: 'KSPI',
        username: 'kspi',
        pageAccessToken: 'pt-11',
        instagram: { id: igUserId, username: 'kspi_official' },
      })
      .addPage({ id: '12', name: 'Tanpa IG', username: 'noig', pageAccessToken: 'pt-12' })
      .start();
    try {
      facebook.userTokens.set('user-token', ['11', '12']);
      const accounts = await instagramAccounts(
        new PlatformHttp(testEgress()),
        facebook.apiUrl,
        'user-token',
        AbortSignal.timeout(5000),
      );
      expect(accounts).toEqual([
        {
          externalId: igUserId,
          displayName: 'kspi_official',
          handle: 'kspi_official',
          credentials: { accessToken: 'pt-11' },
        },
      ]);
      await publishFailure(
        instagramAccounts(new PlatformHttp(testEgress()), facebook.apiUrl, 'wrong', AbortSignal.timeout(5000)),
        'AUTH',
      );
    } finally {
      await facebook.stop();
    }
  });
});
