import type { AddressInfo } from 'node:net';
import { DeliveryScheduler } from '../../src/publishing';
import { bearer, createWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { createDemoChannel } from './demo-fixtures';

describe('the demo WEBHOOK channel publishes to the development receiver', () => {
  let t: TestApp;
  let baseUrl: string;
  beforeAll(async () => {
    t = await startTestApp({ roles: ['api', 'worker'], config: { NODE_ENV: 'development' } });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('delivers an approved post once, signed, and the receiver lists it', async () => {
    const ws = await createWorkspace(t.prisma);
    const account = await createDemoChannel(t, ws, baseUrl, 'whsec_demo-channel-secret-0123456789');
    const due = new Date(Date.now() + 500);
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'Demo: terbit lewat webhook',
        status: 'APPROVED',
        approvedVersion: 1,
        scheduledAt: due,
        targets: { create: { workspaceId: ws.id, accountId: account.id, state: 'SCHEDULED', dueAt: due } },
      },
      include: { targets: true },
    });
    await t.app.get(DeliveryScheduler).wake([{ id: post.targets[0]!.id, version: 1, dueAt: due }]);

    let target = post.targets[0]!;
    for (let i = 0; i < 100 && target.state !== 'PUBLISHED'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      target = await t.prisma.postTarget.findUniqueOrThrow({ where: { id: target.id } });
    }
    expect(target.state).toBe('PUBLISHED');
    const received = await t
      .http()
      .get(`/workspaces/${ws.slug}/demo/webhook-receiver`)
      .set(bearer(ws.users.VIEWER))
      .expect(200);
    const ours = (received.body as Array<{ body: { text?: string } }>).filter((d) =>
      JSON.stringify(d.body).includes('Demo: terbit lewat webhook'),
    );
    expect(ours).toHaveLength(1);
  });

  it('refuses a delivery that names no demo channel', async () => {
    await t.http().post('/demo/webhook-receiver').send({ text: 'forged' }).expect(404);
  });
});
