import { randomUUID } from 'node:crypto';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

type OpenApiOperation = { security?: Array<Record<string, string[]>>; requestBody?: unknown; 'x-api-token'?: unknown };
interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  apiToken: unknown;
  hasBody: boolean;
}

/** Workspace routes that are account administration, not workspace work: closed to personal API tokens. */
const WORKSPACE_ROUTES_CLOSED_TO_TOKENS = [
  'delete /workspaces/{workspace}/api-tokens/{tokenId}',
  'delete /workspaces/{workspace}/calendar-feed',
  'get /workspaces/{workspace}/api-tokens',
  'post /workspaces/{workspace}/api-tokens',
  'post /workspaces/{workspace}/calendar-feed',
  'post /workspaces/{workspace}/leave',
  // The notification bot's token and each person's own Telegram chat: set up with a session only.
  'delete /workspaces/{workspace}/telegram/bot',
  'delete /workspaces/{workspace}/telegram/link',
  'get /workspaces/{workspace}/telegram/bot',
  'get /workspaces/{workspace}/telegram/link',
  'post /workspaces/{workspace}/telegram/link',
  'put /workspaces/{workspace}/telegram/bot',
].sort();

describe('personal API tokens do workspace work, not account administration', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let other: FixtureWorkspace;
  let authenticated: Operation[];
  let adminToken: { token: string };
  let viewerToken: { token: string };

  const newToken = async (roleCap: string) => ({
    token: (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/api-tokens`)
        .set(bearer(ws.users.OWNER))
        .send({ name: roleCap, roleCap })
        .expect(201)
    ).body.token as string,
  });

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    other = await createWorkspace(t.prisma);
    await t.prisma.membership.create({ data: { workspaceId: other.id, userId: ws.users.OWNER.id, role: 'EDITOR' } });
    adminToken = await newToken('ADMIN');
    viewerToken = await newToken('VIEWER');
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    // Every route that authenticates a person (a session or a personal API token; not the operators'
    // /metrics), from the application's own document: a new route is covered automatically.
    authenticated = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.security?.some((requirement) => 'bearer' in requirement))
        .map(([method, op]) => ({
          method: method as Operation['method'],
          path,
          apiToken: op['x-api-token'],
          hasBody: op.requestBody !== undefined,
        })),
    );
  });
  afterAll(() => t.close());

  it('marks every authenticated route explicitly, and opens to tokens only workspace routes', () => {
    expect(authenticated.length).toBeGreaterThan(50);
    expect(
      authenticated.filter((op) => typeof op.apiToken !== 'boolean').map((op) => `${op.method} ${op.path}`),
    ).toEqual([]);
    const openOutsideWorkspace = authenticated.filter(
      (op) => op.apiToken === true && !op.path.startsWith('/workspaces/{workspace}'),
    );
    expect(openOutsideWorkspace.map((op) => `${op.method} ${op.path}`)).toEqual([]);
    const closedInWorkspace = authenticated
      .filter((op) => op.apiToken === false && op.path.startsWith('/workspaces/{workspace}'))
      .map((op) => `${op.method} ${op.path}`)
      .sort();
    expect(closedInWorkspace).toEqual(WORKSPACE_ROUTES_CLOSED_TO_TOKENS);
  });

  it('answers every route closed to tokens with 403 api_token_not_allowed and changes nothing', async () => {
    const counts = async () => ({
      audit: await t.prisma.auditEvent.count({ where: { actorId: ws.users.OWNER.id } }),
      sessions: await t.prisma.session.count({ where: { userId: ws.users.OWNER.id, revokedAt: null } }),
      tokens: await t.prisma.apiToken.count({ where: { userId: ws.users.OWNER.id, revokedAt: null } }),
      memberships: await t.prisma.membership.count({ where: { userId: ws.users.OWNER.id } }),
      feeds: await t.prisma.calendarFeed.count({ where: { userId: ws.users.OWNER.id } }),
      user: await t.prisma.user.findUniqueOrThrow({ where: { id: ws.users.OWNER.id } }),
    });
    const before = await counts();
    const wrong: string[] = [];
    const closed = authenticated.filter((op) => op.apiToken === false);
    for (const op of closed) {
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'workspace' ? ws.slug : randomUUID()));
      for (const token of [adminToken, viewerToken]) {
        const req = t.http()[op.method](url).set(bearer(token));
        const res = await (op.hasBody
          ? req.send({
              name: 'Tokenland',
              slug: 'tokenland',
              locale: 'en',
              currentPassword: 'x',
              newPassword: 'y'.repeat(12),
              token: 'z'.repeat(40),
            })
          : req);
        if (res.status !== 403 || res.body.error?.code !== 'api_token_not_allowed')
          wrong.push(`${op.method} ${op.path}: ${res.status} ${res.body.error?.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(closed.length).toBeGreaterThanOrEqual(14);
    expect(await counts()).toEqual(before);
  });

  it('refuses, by name, what the issue saw a VIEWER-capped token do', async () => {
    const session = await t.prisma.session.findFirstOrThrow({ where: { userId: ws.users.OWNER.id, revokedAt: null } });
    const attempts = [
      t.http().get('/auth/sessions').set(bearer(viewerToken)),
      t.http().delete(`/auth/sessions/${session.id}`).set(bearer(viewerToken)),
      t.http().patch('/me').set(bearer(viewerToken)).send({ name: 'Token' }),
      t.http().get('/me').set(bearer(viewerToken)),
      t.http().post('/workspaces').set(bearer(viewerToken)).send({ slug: 'made-by-token', name: 'Token' }),
    ];
    for (const attempt of attempts) {
      // The owner's profile says Indonesian, which comes before Accept-Language.
      const res = await attempt.set('Accept-Language', 'en').expect(403);
      expect(res.body.error.code).toBe('api_token_not_allowed');
      expect(res.body.error.message).toContain('Token API pribadi hanya untuk pekerjaan di satu ruang kerja');
    }
    expect(await t.prisma.workspace.count({ where: { slug: 'made-by-token' } })).toBe(0);
    await t.prisma.user.update({ where: { id: ws.users.OWNER.id }, data: { locale: 'en' } });
    const inProfileLanguage = await t
      .http()
      .get('/me')
      .set(bearer(viewerToken))
      .set('Accept-Language', 'id')
      .expect(403);
    expect(inProfileLanguage.body.error.message).toContain('Personal API tokens are for work inside one workspace');
    expect((await t.prisma.session.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).toBeNull();
  });

  it('still does workspace work within its cap, in its own workspace only', async () => {
    const members = await t.http().get(`/workspaces/${ws.slug}/members`).set(bearer(viewerToken)).expect(200);
    expect(JSON.stringify(members.body)).not.toContain(other.slug);
    await t
      .http()
      .get(`/workspaces/${ws.slug}/calendar?view=week&anchor=2027-05-01`)
      .set(bearer(viewerToken))
      .expect(200);
    await t.http().patch(`/workspaces/${ws.slug}`).set(bearer(viewerToken)).send({ name: 'Renamed' }).expect(403);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}`)
      .set(bearer(adminToken))
      .send({ name: 'Renamed by automation' })
      .expect(200);
    await t.http().get(`/workspaces/${other.slug}/members`).set(bearer(adminToken)).expect(404);
  });
});
