import { WordpressContract } from '../contracts/wordpress/wordpress-contract';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const WP_PASSWORD = 'AbCd EfGh IjKl MnOp QrSt UvWx';

// Issue #15 item 6: a credential is only ever sent to the host it was entered for.
describe('credentials stay with their host', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let site: WordpressContract;
  let elsewhere: WordpressContract;
  let accountId: string;
  const url = () => `/workspaces/${ws.slug}/accounts/${accountId}`;
  const admin = () => bearer(ws.users.ADMIN);

  beforeAll(async () => {
    site = await new WordpressContract().start();
    elsewhere = await new WordpressContract('Situs Baru').start();
    for (const wp of [site, elsewhere])
      wp.users.push({ id: 7, username: 'redaksi', name: 'Redaksi', appPassword: WP_PASSWORD, canPublish: true });
    t = await startTestApp({ config: { PUBLISH_TIMEOUT_MS: '3000' } });
    ws = await createWorkspace(t.prisma);
    const connected = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts`)
      .set(admin())
      .send({ platform: 'WORDPRESS', siteUrl: site.baseUrl, username: 'redaksi', applicationPassword: WP_PASSWORD })
      .expect(201);
    accountId = connected.body.id;
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([site.stop(), elsewhere.stop()]);
  });

  it('refuses a new base URL without the credentials (422 in both languages), changing nothing and sending nothing', async () => {
    const before = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: accountId } });
    const auditsBefore = await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } });
    const id = await t.http().patch(url()).set(admin()).send({ baseUrl: elsewhere.baseUrl }).expect(422);
    expect(id.body.error.code).toBe('credentials_required');
    expect(id.body.error.message).toContain('hubungkan ulang');
    await t.prisma.user.update({ where: { id: ws.users.ADMIN.id }, data: { locale: 'en' } });
    const en = await t
      .http()
      .patch(url())
      .set(admin())
      .send({ baseUrl: elsewhere.baseUrl, displayName: 'Renamed' })
      .expect(422);
    expect(en.body.error.message).toContain('reconnect the account');
    await t.prisma.user.update({ where: { id: ws.users.ADMIN.id }, data: { locale: 'id' } });

    const after = await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: accountId } });
    expect({ baseUrl: after.baseUrl, displayName: after.displayName, updatedAt: after.updatedAt }).toEqual({
      baseUrl: before.baseUrl,
      displayName: before.displayName,
      updatedAt: before.updatedAt,
    });
    expect(await t.prisma.auditEvent.count({ where: { workspaceId: ws.id } })).toBe(auditsBefore);
    expect(elsewhere.server.requests).toEqual([]);
  });

  it('still renames, and accepts the same base URL unchanged', async () => {
    await t.http().patch(url()).set(admin()).send({ displayName: 'Situs Berita', baseUrl: site.baseUrl }).expect(200);
  });

  it('moves to a new host only by reconnecting there with the credentials, checked by the new host first', async () => {
    const wrong = await t
      .http()
      .post(`${url()}/reconnect`)
      .set(admin())
      .send({
        platform: 'WORDPRESS',
        siteUrl: elsewhere.baseUrl,
        username: 'redaksi',
        applicationPassword: 'wrong wrong wrong',
      })
      .expect(422);
    expect(wrong.body.error.code).toBe('verification_failed');
    expect((await t.prisma.connectedAccount.findUniqueOrThrow({ where: { id: accountId } })).baseUrl).toBe(
      site.baseUrl,
    );

    const moved = await t
      .http()
      .post(`${url()}/reconnect`)
      .set(admin())
      .send({
        platform: 'WORDPRESS',
        siteUrl: elsewhere.baseUrl,
        username: 'redaksi',
        applicationPassword: WP_PASSWORD,
      })
      .expect(200);
    expect(moved.body.baseUrl).toBe(elsewhere.baseUrl);
  });

  it('lets an account without credentials (a feed) change its address freely', async () => {
    const feed = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts`)
      .set(admin())
      .send({ platform: 'FEED', handle: 'umpan' })
      .expect(201);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/accounts/${feed.body.id}`)
      .set(admin())
      .send({ baseUrl: 'https://example.org/feed' })
      .expect(200);
  });
});
