import { signBody, SIGNATURE_HEADER } from '../../src/core/crypto/webhook-signature';
import { createDemoChannel } from '../demo/demo-fixtures';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const SECRET_A = 'whsec_workspace-a-0123456789abcdef';
const SECRET_B = 'whsec_workspace-b-0123456789abcdef';

/** A delivery as the WEBHOOK publisher sends it, signed with `secret`. */
function delivery(t: TestApp, claim: { workspaceId: string; accountId: string }, text: string, secret: string) {
  const body = JSON.stringify({ id: `key-${text}`, targetId: 't', version: 1, ...claim, title: null, text });
  return t
    .http()
    .post('/demo/webhook-receiver')
    .set('content-type', 'application/json')
    .set('idempotency-key', `key-${text}`)
    .set(SIGNATURE_HEADER, signBody(secret, body))
    .send(body);
}

// Issue #15 item 15: the development webhook receiver exists only with the demo data in development,
// and shows a signed-in member only their own workspace's deliveries.
describe('the development webhook receiver', () => {
  describe('outside development', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { NODE_ENV: 'production' } });
    });
    afterAll(() => t.close());

    it('does not exist', async () => {
      const ws = await createWorkspace(t.prisma);
      await t.http().get('/demo/webhook-receiver').expect(404);
      await t.http().post('/demo/webhook-receiver').send({}).expect(404);
      await t.http().get(`/workspaces/${ws.slug}/demo/webhook-receiver`).set(bearer(ws.users.OWNER)).expect(404);
    });
  });

  describe('in development', () => {
    let t: TestApp;
    let a: FixtureWorkspace;
    let b: FixtureWorkspace;
    let channelA: { id: string };
    let channelB: { id: string };
    const list = (ws: FixtureWorkspace, role: 'VIEWER' | 'OWNER' = 'VIEWER') =>
      t.http().get(`/workspaces/${ws.slug}/demo/webhook-receiver`).set(bearer(ws.users[role]));

    beforeAll(async () => {
      t = await startTestApp({ config: { NODE_ENV: 'development' } });
      [a, b] = [await createWorkspace(t.prisma), await createWorkspace(t.prisma)];
      channelA = await createDemoChannel(t, a, 'http://localhost:3000', SECRET_A);
      channelB = await createDemoChannel(t, b, 'http://localhost:3000', SECRET_B);
    });
    afterAll(() => t.close());

    it('lists nothing to strangers: no anonymous list, sign-in required', async () => {
      await t.http().get('/demo/webhook-receiver').expect(404);
      await t.http().get(`/workspaces/${a.slug}/demo/webhook-receiver`).expect(401);
      await t.http().get(`/workspaces/${a.slug}/demo/webhook-receiver`).set(bearer(b.users.OWNER)).expect(404);
    });

    it('files each delivery under the workspace whose channel secret signed it, and shows each workspace only its own', async () => {
      await delivery(t, { workspaceId: a.id, accountId: channelA.id }, 'untuk-A', SECRET_A).expect(200);
      await delivery(t, { workspaceId: b.id, accountId: channelB.id }, 'untuk-B', SECRET_B).expect(200);
      const seenByA = (await list(a).expect(200)).body as Array<{ body: { text: string } }>;
      const seenByB = (await list(b, 'OWNER').expect(200)).body as Array<{ body: { text: string } }>;
      expect(seenByA.map((d) => d.body.text)).toEqual(['untuk-A']);
      expect(seenByB.map((d) => d.body.text)).toEqual(['untuk-B']);
    });

    it("refuses forged deliveries: another workspace's secret, no signature, or no demo channel; nothing is kept", async () => {
      await delivery(t, { workspaceId: b.id, accountId: channelB.id }, 'palsu-1', SECRET_A).expect(401);
      await delivery(t, { workspaceId: a.id, accountId: channelB.id }, 'palsu-2', SECRET_B).expect(404);
      await delivery(t, { workspaceId: 'not-a-uuid', accountId: '../../etc' }, 'palsu-3', SECRET_A).expect(404);
      await t
        .http()
        .post('/demo/webhook-receiver')
        .send({ workspaceId: a.id, accountId: channelA.id, text: 'palsu-4' })
        .expect(401);
      const texts = [
        ...((await list(a).expect(200)).body as Array<{ body: { text: string } }>),
        ...((await list(b).expect(200)).body as Array<{ body: { text: string } }>),
      ].map((d) => d.body.text);
      expect(texts.filter((text) => text.startsWith('palsu'))).toEqual([]);
    });

    it('answers 404 to a workspace without demo data', async () => {
      const plain = await createWorkspace(t.prisma);
      await list(plain).expect(404);
    });
  });
});
