import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { bearer, createWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';

/** Mail is sent after the change, by a queued job per person: a refusing SMTP server delays one person only. */
describe('notification e-mails through SMTP, with a send that fails', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const inbox: Array<{ to: string; body: string }> = [];
  const refused: string[] = [];
  let refuse = '';

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(address, _session, callback) {
        // The first two attempts to this one address fail as a full mailbox would (a temporary 4xx).
        if (address.address === refuse && refused.filter((a) => a === refuse).length < 2) {
          refused.push(address.address);
          return callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        let body = '';
        stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), body });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const received = async (to: string) => {
    for (let i = 0; i < 400 && !inbox.some((m) => m.to === to); i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    return inbox.filter((m) => m.to === to);
  };

  it('the others get theirs, the change stands, and the refused one is retried until it goes out', async () => {
    const ws = await createWorkspace(t.prisma);
    refuse = ws.users.COORDINATOR.email;
    const { postId } = await draftPost(t, ws);
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('IN_REVIEW');

    expect(await received(ws.users.ADMIN.email)).toHaveLength(1);
    expect(await received(ws.users.OWNER.email)).toHaveLength(1);
    const retried = await received(ws.users.COORDINATOR.email);
    expect(refused).toEqual([refuse, refuse]);
    expect(retried).toHaveLength(1);
    expect(retried[0]!.body).toContain('multipart/alternative');
    expect(retried[0]!.body).toMatch(/mengajukan/);
  });
});
