import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { bearer, createWorkspace, FIXTURE_PASSWORD, type FixtureWorkspace } from './support/fixtures';
import { expectDocumented, type OpenApiDocument } from './support/documented';
import { startTestApp, type TestApp } from './support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
/** A real image: uploads are decoded (their metadata stripped) before they are stored. */
const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0392b' } })
    .png()
    .toBuffer();

/**
 * Real answers of the routes the web app uses every day, each checked against the schema its route
 * documents in the served OpenAPI document (the same zod schemas): the document cannot drift from
 * what the API does.
 */
describe('answers match the OpenAPI document', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let doc: OpenApiDocument;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    doc = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    accountId = (
      await t.prisma.connectedAccount.create({
        data: {
          workspaceId: ws.id,
          platform: 'FEED',
          displayName: 'Feed KSPI',
          postingSlots: [{ weekday: 1, time: '09:00' }],
        },
      })
    ).id;
  });
  afterAll(() => t.close());

  /** Calls a route by its documented path and checks the answer against that route's documentation. */
  async function call(
    method: 'get' | 'post' | 'patch',
    path: string,
    options: {
      as?: { token: string };
      params?: Record<string, string>;
      body?: object | Buffer;
      type?: string;
      status?: number;
    } = {},
  ) {
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) =>
      name === 'workspace' ? ws.slug : (options.params?.[name] ?? ''),
    );
    let req = t
      .http()
      [method](url)
      .set(options.as ? bearer(options.as) : {});
    if (options.type) req = req.set('content-type', options.type);
    const res = options.body !== undefined ? await req.send(options.body) : await req;
    // A success unless the test asks for an error: the success answers are what the web app types.
    if (options.status) expect(res.status).toBe(options.status);
    else if (res.status >= 300)
      throw new Error(`${method.toUpperCase()} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    expectDocumented(doc, method, path, res);
    return res;
  }

  it('sign-in, profile and workspace', async () => {
    await call('post', '/auth/login', { body: { email: ws.users.EDITOR.email, password: FIXTURE_PASSWORD } });
    await call('post', '/auth/login', {
      body: { email: ws.users.EDITOR.email, password: FIXTURE_PASSWORD, session: 'cookie' },
    });
    await call('get', '/me', { as: ws.users.EDITOR });
    await call('patch', '/me', { as: ws.users.EDITOR, body: { timeZone: 'Asia/Jayapura' } });
    await call('get', '/auth/sessions', { as: ws.users.EDITOR });
    await call('get', '/workspaces/{workspace}', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/members', { as: ws.users.VIEWER });
    await call('post', '/workspaces/{workspace}/api-tokens', {
      as: ws.users.VIEWER,
      body: { name: 'CI', roleCap: 'VIEWER' },
    });
    await call('get', '/workspaces/{workspace}/api-tokens', { as: ws.users.VIEWER });
  });

  it('campaigns, accounts and media', async () => {
    const campaign = await call('post', '/workspaces/{workspace}/campaigns', {
      as: ws.users.COORDINATOR,
      body: { name: 'Tolak Upah Murah', color: '#c0392b', hashtags: ['UpahLayak'], latePolicy: 'EXPIRE' },
    });
    await call('get', '/workspaces/{workspace}/campaigns', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/campaigns/{campaignId}', {
      as: ws.users.VIEWER,
      params: { campaignId: campaign.body.id },
    });
    await call('get', '/workspaces/{workspace}/accounts', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/accounts/{accountId}', { as: ws.users.VIEWER, params: { accountId } });
    await call('get', '/workspaces/{workspace}/accounts/{accountId}/next-slot', {
      as: ws.users.VIEWER,
      params: { accountId },
    });
    const media = await call('post', '/workspaces/{workspace}/media', {
      as: ws.users.EDITOR,
      body: await png(),
      type: 'image/png',
    });
    await call('get', '/workspaces/{workspace}/media', { as: ws.users.VIEWER });
    await call('patch', '/workspaces/{workspace}/media/{mediaId}', {
      as: ws.users.EDITOR,
      params: { mediaId: media.body.id },
      body: { tags: ['aksi'] },
    });
  });

  it('the editorial flow, the calendar and what needs attention', async () => {
    const post = await call('post', '/workspaces/{workspace}/posts', {
      as: ws.users.EDITOR,
      body: {
        baseText: 'Upah layak untuk semua',
        targets: [{ accountId }],
        schedule: { at: inHours(30), zone: 'Asia/Jakarta' },
      },
    });
    const postId = post.body.id as string;
    const draft = { baseText: 'Mogok nasional', targets: [{ accountId }], publishNow: true };
    await call('post', '/workspaces/{workspace}/posts/check', { as: ws.users.EDITOR, body: draft });
    await call('post', '/workspaces/{workspace}/posts/{postId}/check', {
      as: ws.users.EDITOR,
      params: { postId },
      body: { baseText: 'Upah layak' },
    });
    await call('get', '/workspaces/{workspace}/posts', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/posts/{postId}', { as: ws.users.VIEWER, params: { postId } });
    await call('post', '/workspaces/{workspace}/posts/{postId}/comments', {
      as: ws.users.EDITOR,
      params: { postId },
      body: { body: 'Siap ditinjau' },
    });
    await call('get', '/workspaces/{workspace}/posts/{postId}/comments', { as: ws.users.VIEWER, params: { postId } });
    const submitted = await call('post', '/workspaces/{workspace}/posts/{postId}/submit', {
      as: ws.users.EDITOR,
      params: { postId },
    });
    const approved = await call('post', '/workspaces/{workspace}/posts/{postId}/approve', {
      as: ws.users.COORDINATOR,
      params: { postId },
      body: { version: submitted.body.version },
    });
    expect(approved.body.status).toBe('APPROVED');
    await call('get', '/workspaces/{workspace}/calendar', { as: ws.users.VIEWER, params: {} });
    await call('post', '/workspaces/{workspace}/key-dates', {
      as: ws.users.COORDINATOR,
      body: { date: '2030-05-01', title: 'May Day', kind: 'RALLY' },
    });
    await call('get', '/workspaces/{workspace}/key-dates', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/notifications', { as: ws.users.VIEWER });
    await call('get', '/workspaces/{workspace}/audit', { as: ws.users.ADMIN });
  });

  it('holds, invitations, joint campaigns and settings', async () => {
    const partner = await createWorkspace(t.prisma);
    await t
      .http()
      .patch(`/workspaces/${partner.slug}`)
      .set(bearer(partner.users.ADMIN))
      .send({ openToPartnerInvitations: true })
      .expect(200);
    const campaign = await call('post', '/workspaces/{workspace}/campaigns', {
      as: ws.users.COORDINATOR,
      body: { name: 'Mogok Nasional' },
    });
    const campaignId = campaign.body.id as string;
    await call('post', '/workspaces/{workspace}/campaigns/{campaignId}/partners', {
      as: ws.users.COORDINATOR,
      params: { campaignId },
      body: { workspace: partner.slug },
    });
    await call('post', '/workspaces/{workspace}/campaigns/{campaignId}/hold', {
      as: ws.users.COORDINATOR,
      params: { campaignId },
      body: { reason: 'Situasi krisis' },
    });
    await call('post', '/workspaces/{workspace}/campaigns/{campaignId}/resume', {
      as: ws.users.COORDINATOR,
      params: { campaignId },
    });
    await call('post', '/workspaces/{workspace}/hold', { as: ws.users.ADMIN, body: { reason: 'Situasi krisis' } });
    await call('post', '/workspaces/{workspace}/resume', { as: ws.users.ADMIN });
    await call('get', '/workspaces/{workspace}/partnerships', { as: ws.users.VIEWER });
    await call('post', '/workspaces/{workspace}/invitations', {
      as: ws.users.ADMIN,
      body: { email: 'anggota.baru@test.gaung', role: 'EDITOR' },
    });
    await call('get', '/workspaces/{workspace}/invitations', { as: ws.users.ADMIN });
    await call('get', '/workspaces/{workspace}/webhooks', { as: ws.users.ADMIN });
    await call('post', '/workspaces/{workspace}/calendar-feed', { as: ws.users.VIEWER });
    await call('post', '/auth/password-reset', { body: { email: 'nobody@test.gaung' } });
  });

  it('errors and health', async () => {
    await call('get', '/workspaces/{workspace}/posts/{postId}', {
      as: ws.users.VIEWER,
      params: { postId: randomUUID() },
      status: 404,
    });
    await call('post', '/workspaces/{workspace}/posts', { as: ws.users.EDITOR, body: { baseText: 12 }, status: 400 });
    await call('get', '/me', { status: 401 });
    await call('get', '/health/live');
    await call('get', '/health/ready');
  });
});
