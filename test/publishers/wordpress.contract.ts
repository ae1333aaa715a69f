import { PlatformHttp } from '../../src/publishers';
import { WordpressPublisher, plainTextToHtml } from '../../src/publishers/wordpress';
import { idempotencyKeyFor } from '../../src/publishing/publish-engine';
import { WordpressContract } from '../contracts/wordpress/wordpress-contract';
import { testConfig, testEgress } from '../support/test-config';
import { account, content, failure, image, publishRequest } from './publish-request.fixture';

const APP_PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

describe('WordpressPublisher against the WordPress REST contract', () => {
  let site: WordpressContract;
  let publisher: WordpressPublisher;
  const editor = (overrides = {}) =>
    account('WORDPRESS', {
      baseUrl: `${site.baseUrl}/`,
      credentials: { username: 'redaksi', applicationPassword: APP_PASSWORD },
      ...overrides,
    });
  const article = {
    title: 'Tolak Omnibus Law',
    text: 'Paragraf satu.\nBaris dua <b>tebal</b>.\n\nLihat https://serikat.test/aksi.',
  };

  beforeAll(async () => {
    site = await new WordpressContract().start();
    site.users.push({
      id: 7,
      username: 'redaksi',
      name: 'Redaksi Serikat',
      appPassword: 'abcdEFGH1234ijklMNOP5678',
      canPublish: true,
    });
    site.users.push({
      id: 8,
      username: 'kontributor',
      name: 'Kontributor',
      appPassword: 'zzzzzzzzzzzzzzzzzzzzzzzz',
      canPublish: false,
    });
    publisher = new WordpressPublisher(new PlatformHttp(testEgress()), testConfig({ PUBLISH_TIMEOUT_MS: '500' }));
  });
  afterAll(async () => {
    await site.stop();
  });

  it('publishes with Basic auth, status publish and our marker slug; records id and link', async () => {
    const request = publishRequest(editor(), article);
    const result = await publisher.publish(request);
    const post = site.posts.at(-1)!;
    expect(post).toMatchObject({
      title: 'Tolak Omnibus Law',
      status: 'publish',
      slug: `gaung-${request.idempotencyKey.toLowerCase()}`,
      author: 7,
    });
    expect(result).toEqual({ externalId: String(post.id), url: `${site.baseUrl}/${post.slug}/` });
    expect(post.content).toBe(plainTextToHtml(article.text));
    const create = site.server.requestsTo('POST', /\/wp\/v2\/posts$/).at(-1)!;
    expect(create.headers.authorization).toBe(`Basic ${Buffer.from(`redaksi:${APP_PASSWORD}`).toString('base64')}`);
  });

  it('escapes the title, which WordPress treats as HTML', async () => {
    await publisher.publish(publishRequest(editor(), { ...article, title: 'Upah <naik> & layak' }));
    expect(site.posts.at(-1)!.title).toBe('Upah &lt;naik&gt; &amp; layak');
  });

  it('turns plain text into escaped paragraphs with clickable links', () => {
    expect(plainTextToHtml(article.text)).toBe(
      '<p>Paragraf satu.<br />\nBaris dua &lt;b&gt;tebal&lt;/b&gt;.</p>\n<p>Lihat <a href="https://serikat.test/aksi">https://serikat.test/aksi</a>.</p>',
    );
  });

  it('uploads the featured image with Content-Disposition and alt text, then sets featured_media', async () => {
    const request = publishRequest(editor(), { ...article, media: [image('cover', 'Aksi di Senayan')] });
    await publisher.publish(request);
    const media = site.media.at(-1)!;
    expect(media).toMatchObject({
      filename: `gaung-${request.idempotencyKey.toLowerCase()}.png`,
      mimeType: 'image/png',
      bytes: 72,
      altText: 'Aksi di Senayan',
    });
    expect(site.posts.at(-1)!.featuredMedia).toBe(media.id);
    // The image belongs to its post (the media item's `post` field) and keeps its alt text.
    expect(media).toMatchObject({ post: site.posts.at(-1)!.id, altText: 'Aksi di Senayan' });
  });

  it("uses the engine's key as the slug without doubling the marker, and still finds an older doubled slug", async () => {
    const request = {
      ...publishRequest(editor(), { ...article, title: 'Satu penanda' }),
      idempotencyKey: idempotencyKeyFor('tgtslug', 3),
    };
    await publisher.publish(request);
    expect(site.posts.at(-1)!.slug).toBe('gaung-tgtslug-v3');
    const older = { ...request, idempotencyKey: idempotencyKeyFor('tgtold', 1) };
    site.posts.push({ ...site.posts.at(-1)!, id: 999, slug: 'gaung-gaung-tgtold-v1', title: 'Lama' });
    expect(await publisher.findPublished(older)).toEqual({
      externalId: '999',
      url: `${site.baseUrl}/gaung-gaung-tgtold-v1/`,
    });
  });

  it('finds its own post after a lost answer, and a retry does not post twice', async () => {
    const request = publishRequest(editor(), { ...article, title: 'Sekali terbit' });
    site.failNextPost({ kind: 'drop-after-create' });
    expect((await failure(publisher.publish(request))).kind).toBe('AMBIGUOUS');
    expect(publisher.ambiguousRetry).toBe('lookup');
    const found = await publisher.findPublished(request);
    const created = site.posts.filter((p) => p.title === 'Sekali terbit');
    expect(created).toHaveLength(1);
    expect(found).toEqual({ externalId: String(created[0]!.id), url: `${site.baseUrl}/${created[0]!.slug}/` });
    const lookup = site.server.requestsTo('GET', /\/wp\/v2\/posts$/).at(-1)!;
    expect(Object.fromEntries(lookup.query)).toMatchObject({ status: 'any', context: 'edit' });
    expect(lookup.query.get('slug')!.split(',')).toContain(created[0]!.slug);
    expect(await publisher.publish(request)).toEqual(found);
    expect(site.posts.filter((p) => p.title === 'Sekali terbit')).toHaveLength(1);
  });

  it('finds nothing for a delivery that never reached the site', async () => {
    expect(await publisher.findPublished(publishRequest(editor(), article))).toBeNull();
  });

  it('maps a 5xx on post creation to AMBIGUOUS and a timeout too', async () => {
    site.failNextPost({ kind: 'error', status: 502, code: 'bad_gateway', message: 'Bad Gateway' });
    expect(await failure(publisher.publish(publishRequest(editor(), article)))).toMatchObject({
      kind: 'AMBIGUOUS',
      code: 'wordpress.502',
    });
    site.failNextPost({ kind: 'hang-after-create' });
    expect((await failure(publisher.publish(publishRequest(editor(), article)))).kind).toBe('AMBIGUOUS');
  });

  it("stops at the engine's abort signal with AMBIGUOUS", async () => {
    const controller = new AbortController();
    site.failNextPost({ kind: 'hang-after-create' });
    const created = () => site.server.requestsTo('POST', /^\/wp-json\/wp\/v2\/posts$/).length;
    const before = created();
    const publishing = failure(publisher.publish(publishRequest(editor(), article, { signal: controller.signal })));
    // Abort once the site has the post and hangs on its answer (not after a fixed delay, which a
    // loaded machine can spend before the request even goes out: that would be NOT_SENT).
    while (created() === before) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    expect(await publishing).toMatchObject({ kind: 'AMBIGUOUS', code: 'wordpress.aborted' });
  });

  it('maps a host 429 with Retry-After to a rate-limited NOT_SENT', async () => {
    site.failNextPost({ kind: 'rate-limited', retryAfterSeconds: 45 });
    expect(await failure(publisher.publish(publishRequest(editor(), article)))).toMatchObject({
      kind: 'NOT_SENT_RETRYABLE',
      rateLimited: true,
      retryAfterMs: 45_000,
    });
  });

  it.each([
    [
      'a wrong application password',
      { credentials: { username: 'redaksi', applicationPassword: 'salah' } },
      'wordpress.incorrect_password',
    ],
    [
      'an unknown user',
      { credentials: { username: 'siapa', applicationPassword: APP_PASSWORD } },
      'wordpress.invalid_username',
    ],
    [
      'a user who may not publish',
      { credentials: { username: 'kontributor', applicationPassword: 'zzzz zzzz zzzz zzzz zzzz zzzz' } },
      'wordpress.rest_cannot_publish',
    ],
    ['missing credentials', { credentials: {} }, 'wordpress.no_credentials'],
    ['a site without the REST API', {}, 'wordpress.rest_no_route'],
  ])('maps %s to AUTH', async (label, overrides, code) => {
    if (label === 'a site without the REST API')
      site.failNextPost({
        kind: 'error',
        status: 404,
        code: 'rest_no_route',
        message: 'No route was found matching the URL and request method.',
      });
    const error = await failure(publisher.publish(publishRequest(editor(overrides), article)));
    expect(error).toMatchObject({ kind: 'AUTH', code });
    expect(error.message).not.toContain(APP_PASSWORD);
  });

  it('maps 400 rest_invalid_param to PERMANENT with the reason', async () => {
    site.failNextPost({
      kind: 'error',
      status: 400,
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): title',
    });
    expect(await failure(publisher.publish(publishRequest(editor(), article)))).toMatchObject({
      kind: 'PERMANENT',
      code: 'wordpress.rest_invalid_param',
      message: 'Invalid parameter(s): title (rest_invalid_param)',
      httpStatus: 400,
    });
  });

  it('refuses to publish without a title (PERMANENT) and sends nothing', async () => {
    const before = site.server.requestsTo('POST', /\/wp\/v2\/posts$/).length;
    expect(await failure(publisher.publish(publishRequest(editor(), { title: null, text: 'isi' })))).toMatchObject({
      kind: 'PERMANENT',
      code: 'wordpress.title_required',
    });
    expect(site.server.requestsTo('POST', /\/wp\/v2\/posts$/).length).toBe(before);
  });

  it('verifies the application password with users/me?context=edit and names the site', async () => {
    expect(await publisher.verifyCredentials(editor(), new AbortController().signal)).toEqual({
      externalId: '7',
      displayName: 'Serikat Pekerja Nasional',
      handle: 'redaksi',
      settings: { userName: 'Redaksi Serikat' },
    });
    const me = site.server.requestsTo('GET', /\/users\/me$/).at(-1)!;
    expect(me.query.get('context')).toBe('edit');
  });

  it('fails verification with AUTH for a wrong password or a user who may not publish', async () => {
    const signal = new AbortController().signal;
    expect(
      await failure(
        publisher.verifyCredentials(editor({ credentials: { username: 'redaksi', applicationPassword: 'x' } }), signal),
      ),
    ).toMatchObject({ kind: 'AUTH', code: 'wordpress.incorrect_password' });
    expect(
      await failure(
        publisher.verifyCredentials(
          editor({ credentials: { username: 'kontributor', applicationPassword: 'zzzzzzzzzzzzzzzzzzzzzzzz' } }),
          signal,
        ),
      ),
    ).toMatchObject({ kind: 'AUTH', code: 'wordpress.cannot_publish' });
  });

  describe('validate', () => {
    it('requires a title and body, counts up to 100,000 graphemes, one image', () => {
      expect(publisher.validate(content({ title: 'Judul', text: 'isi' }))).toEqual([]);
      const noTitle = publisher.validate(content({ title: '  ', text: 'isi' }));
      expect(noTitle).toEqual([
        {
          code: 'wordpress.title_required',
          message: { id: 'Artikel WordPress wajib punya judul.', en: 'A WordPress post needs a title.' },
        },
      ]);
      expect(publisher.validate(content({ title: 'J', text: 'Serikat 🇮🇩 '.repeat(10_000) }))).toEqual([]); // 100,000 graphemes
      expect(publisher.validate(content({ title: 'J', text: 'e\u0301'.repeat(100_001) })).map((i) => i.code)).toEqual([
        'wordpress.text_too_long',
      ]);
      expect(publisher.validate(content({ title: 'J', media: [image('a'), image('b')] })).map((i) => i.code)).toEqual([
        'wordpress.too_many_media',
      ]);
      const video = { ...image('v'), kind: 'VIDEO' as const, mimeType: 'video/mp4' };
      expect(publisher.validate(content({ title: 'J', media: [video] })).map((i) => i.code)).toEqual([
        'wordpress.one_featured_image',
      ]);
      expect(publisher.limits).toMatchObject({
        requiresTitle: true,
        requiresText: true,
        rateBudget: null,
        maxChars: 100_000,
      });
    });

    it('needs body text even with a featured image', () => {
      const noBody = publisher.validate(content({ title: 'Judul', text: ' \n', media: [image('a')] }));
      expect(noBody).toEqual([
        {
          code: 'wordpress.empty',
          message: {
            id: 'Platform ini memerlukan teks, juga bila ada media.',
            en: 'This platform needs text, even with media.',
          },
        },
      ]);
      expect(publisher.validate(content({ title: 'Judul', text: '' })).map((i) => i.code)).toEqual(['wordpress.empty']);
    });
  });
});
