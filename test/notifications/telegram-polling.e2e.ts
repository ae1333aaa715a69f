import { TelegramContract } from '../contracts/telegram/telegram-contract';
import { TelegramPoller } from '../../src/telegram/telegram-poller';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';
import { deepLinkToken, editedTo, newPerson, sentTo } from './telegram-support';

const POLLING_TOKEN = '777000222:AAH-polling-contract-token-abcdefghijkl';

/** TELEGRAM_UPDATES=polling: no webhook, the worker asks getUpdates; a failed send to one person is retried alone. */
describe('Telegram by long polling, and a send that fails for one person', () => {
  let t: TestApp;
  let telegram: TelegramContract;
  let ws: FixtureWorkspace;
  let poller: TelegramPoller;

  beforeAll(async () => {
    telegram = await new TelegramContract({ id: 777000222, username: 'gaung_bot', first_name: 'Gaung' }).start();
    telegram.validTokens.add(POLLING_TOKEN);
    // A webhook left from an earlier setup: connecting in polling mode removes it (getUpdates refuses otherwise).
    telegram.webhook = { url: 'https://old.example/hook', secretToken: null };
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { TELEGRAM_API_URL: telegram.baseUrl, TELEGRAM_UPDATES: 'polling' },
    });
    poller = t.app.get(TelegramPoller);
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await telegram.stop();
  });

  it('links by deep link through getUpdates, and acts on each update once', async () => {
    const res = await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.ADMIN))
      .send({ token: POLLING_TOKEN })
      .expect(200);
    expect(res.body.updates).toBe('polling');
    expect(telegram.webhook).toBeNull();

    const coordinator = newPerson('Rudi');
    const admin = newPerson('Wati');
    for (const [user, person] of [
      [ws.users.COORDINATOR, coordinator],
      [ws.users.ADMIN, admin],
    ] as const) {
      telegram.addPerson(person);
      telegram.personWrites(person, `/start ${await deepLinkToken(t, ws.slug, user)}`);
    }
    expect(await poller.pollOnce(ws.id)).toBe(2);
    expect(await t.prisma.telegramLink.count({ where: { workspaceId: ws.id } })).toBe(2);
    const welcomes = telegram.sent.length;
    // The offset confirmed them: the next poll gets nothing, and nothing is said twice.
    expect(await poller.pollOnce(ws.id)).toBe(0);
    expect(telegram.sent.length).toBe(welcomes);

    // Telegram fails the first send (flood control): that person's message is retried, the other's goes at once.
    telegram.failNext({
      kind: 'error',
      status: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    const { postId } = await draftPost(t, ws, 'Dikirim lewat polling');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const forCoordinator = await sentTo(telegram, coordinator.id, (m) => m.text?.includes(postId) ?? false);
    const forAdmin = await sentTo(telegram, admin.id, (m) => m.text?.includes(postId) ?? false);
    expect(telegram.sent.filter((m) => m.text?.includes(postId))).toHaveLength(2);
    const tries = telegram.server
      .requestsTo('POST', /\/sendMessage$/)
      .filter((r) => r.body.toString('utf8').includes(postId));
    expect(tries).toHaveLength(3); // one refused with 429, then each person's once

    // The approve button, pressed and polled.
    telegram.personPresses(
      coordinator,
      forCoordinator,
      forCoordinator.replyMarkup!.inline_keyboard![0]![0]!.callback_data,
    );
    expect(await poller.pollOnce(ws.id)).toBe(1);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('APPROVED');
    expect(forCoordinator.edits.at(-1)).toMatch(/Disetujui oleh/);
    // The other coordinator's message loses its buttons and says who approved (a job of its own,
    // awaited here so the app never closes in the middle of it).
    await editedTo(forAdmin, /Disetujui oleh/);
    expect(forAdmin.edits).toHaveLength(1);
  });
});
