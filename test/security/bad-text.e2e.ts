import { ContractServer } from '../contracts/contract-server';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { createObjects } from '../support/object-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Replies a Mastodon instance should never give to verify_credentials, chosen by the access token. */
const ODD_REPLIES: Record<string, { type: string; body: string }> = {
  html: { type: 'text/html', body: '<html><body>Maintenance</body></html>' },
  null: { type: 'application/json', body: 'null' },
  array: { type: 'application/json', body: '[]' },
  truncated: { type: 'application/json', body: '{"id":"1","username":' },
  types: { type: 'application/json', body: JSON.stringify({ id: { x: 1 }, username: 42, display_name: ['x'] }) },
  badText: {
    type: 'application/json',
    body: JSON.stringify({ id: '7', username: 'bu\u0000ruh', acct: 'buruh', display_name: 'Serikat \ud800Buruh' }),
  },
};

describe('bad text gets a 4xx, never a 500 (docs/security.md, rule 13)', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let ids: Record<string, string>;
  let mastodon: ContractServer;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    ids = await createObjects(t.prisma, ws);
    mastodon = await new ContractServer()
      .route('GET', '/api/v1/accounts/verify_credentials', (req, res) => {
        const reply = ODD_REPLIES[String(req.headers.authorization).replace('Bearer ', '')]!;
        res.writeHead(200, { 'content-type': reply.type }).end(reply.body);
      })
      .route(
        'GET',
        '/api/v2/instance',
        (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('"odd"'),
      )
      .start();
  });
  afterAll(async () => {
    await mastodon.stop();
    await t.close();
  });

  const owner = () => bearer(ws.users.OWNER);
  const post = (path: string, body: unknown) =>
    t
      .http()
      .post(`/workspaces/${ws.slug}/${path}`)
      .set(owner())
      .send(body as object);

  it('refuses NUL characters and lone surrogates anywhere in a body, naming the field, and writes nothing', async () => {
    const posts = await t.prisma.post.count({ where: { workspaceId: ws.id } });
    const cases = [
      await post('posts', { baseText: 'Mogok\u0000nasional', targets: [{ accountId: ids.accountId }] }),
      await post('posts', { baseText: 'Mogok \ud83d nasional', targets: [{ accountId: ids.accountId }] }),
      await post('posts', { baseText: 'ok', targets: [{ accountId: ids.accountId, text: '\udc00' }] }),
      await post('campaigns', { name: 'Aksi\u0000', timeZone: 'Asia/Jakarta' }),
      await post(`posts/${ids.postId}/comments`, { body: 'setuju\u0000' }),
      await post('posts', { 'baseText\u0000': 'x' }),
      await t
        .http()
        .patch(`/workspaces/${ws.slug}/media/${ids.mediaId}`)
        .set(owner())
        .send({ altText: 'Spanduk \udc00' }),
    ];
    expect(cases.map((res) => res.status)).toEqual(cases.map(() => 400));
    expect(cases.map((res) => res.body.error.details[0].code)).toEqual(cases.map(() => 'invalid_text'));
    expect(cases.slice(0, 3).map((res) => res.body.error.details[0].field)).toEqual([
      'baseText',
      'baseText',
      'targets.0.text',
    ]);
    expect(await t.prisma.post.count({ where: { workspaceId: ws.id } })).toBe(posts);
    // Emoji and other astral characters are whole surrogate pairs: accepted.
    expect((await post('campaigns', { name: 'Aksi ✊🏽 buruh', timeZone: 'Asia/Jakarta' })).status).toBe(201);
  });

  it('refuses bad text, bad percent-encoding, arrays and huge numbers in paths and query strings with 400', async () => {
    const w = `/workspaces/${ws.slug}`;
    const paths = [
      '/workspaces/%00/posts',
      `${w}/posts/%00`,
      `${w}/posts?status=%00`,
      `${w}/posts?status=%ED%A0%80`,
      `${w}/posts?campaignId=%E0%A4%A`,
      `${w}/posts?limit=1e400`,
      `${w}/posts?limit=99999999999999999999999`,
      `${w}/posts?status=DRAFT&status=APPROVED`,
      `${w}/posts?before[gt]=x`,
      `${w}/audit?before=${'9'.repeat(19)}`,
      `${w}/calendar?after=garbage`,
      `${w}/calendar?after=2027-01-01T00:00:00.000Z_${'x'.repeat(36)}`,
      `${w}/media?before=not-a-uuid`,
    ];
    const answers = await Promise.all(paths.map((path) => t.http().get(path).set(owner())));
    expect(answers.map((res, i) => `${paths[i]} ${res.status}`)).toEqual(paths.map((path) => `${path} 400`));
    expect(answers.every((res) => typeof res.body.error?.message === 'string')).toBe(true);
  });

  it('maps odd platform replies while connecting an account to a 4xx (or cleans the text), never a 500', async () => {
    const outcomes: Record<string, number> = {};
    for (const token of Object.keys(ODD_REPLIES)) {
      const res = await post('accounts', { platform: 'MASTODON', instanceUrl: mastodon.baseUrl, accessToken: token });
      outcomes[token] = res.status;
    }
    expect(outcomes).toEqual({ html: 422, null: 422, array: 422, truncated: 422, types: 422, badText: 201 });
    const connected = await t.prisma.connectedAccount.findFirstOrThrow({
      where: { workspaceId: ws.id, platform: 'MASTODON' },
    });
    expect([connected.displayName, connected.handle]).toEqual(['Serikat Buruh', expect.stringMatching(/^@buruh@/)]);
  });
});
