import { TelegramContract, type TelegramPerson } from '../contracts/telegram/telegram-contract';
import { bearer, createWorkspace, type FixtureUser, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';
import { BOT_TOKEN, deepLinkToken, deliver, newPerson, sentTo } from './telegram-support';

/** Telegram as a notification channel and a place to approve, against the Bot API contract server (webhook mode). */
describe('Telegram: notification bot, linked chats, approval from Telegram', () => {
  let t: TestApp;
  let telegram: TelegramContract;
  let ws: FixtureWorkspace;
  const people = {} as Record<'COORDINATOR' | 'ADMIN' | 'EDITOR', TelegramPerson>;

  beforeAll(async () => {
    telegram = await new TelegramContract().start();
    telegram.validTokens.add(BOT_TOKEN);
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { TELEGRAM_API_URL: telegram.baseUrl, TELEGRAM_UPDATES: 'webhook' },
    });
    ws = await createWorkspace(t.prisma);
    await t.prisma.user.update({ where: { id: ws.users.ADMIN.id }, data: { locale: 'en', timeZone: 'Asia/Jayapura' } });
  });
  afterAll(async () => {
    await t.close();
    await telegram.stop();
  });

  const link = async (user: FixtureUser, person: TelegramPerson) => {
    telegram.addPerson(person);
    const token = await deepLinkToken(t, ws.slug, user);
    await deliver(t, telegram, telegram.personWrites(person, `/start ${token}`)).expect(200);
    return token;
  };

  it('an admin connects the bot: checked with getMe, webhook set with a secret, the token never shown', async () => {
    await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ token: BOT_TOKEN })
      .expect(403);
    await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.ADMIN))
      .send({ token: 'not a token' })
      .expect(400);
    const refused = await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.ADMIN))
      .send({ token: '777000111:AAH-revoked-token-abcdefghijklmnopqrstu' })
      .expect(422);
    expect(refused.body.error.code).toBe('telegram_token_refused');
    expect(telegram.webhook).toBeNull();

    const res = await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.ADMIN))
      .send({ token: BOT_TOKEN })
      .expect(200);
    expect(res.body).toMatchObject({ username: 'gaung_bot', url: 'https://t.me/gaung_bot', updates: 'webhook' });
    const bot = await t.prisma.telegramBot.findUniqueOrThrow({ where: { workspaceId: ws.id } });
    expect(telegram.webhook!.url).toBe(`${t.config.PUBLIC_BASE_URL}/telegram/webhook/${bot.id}`);
    expect(telegram.webhook!.secretToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Buffer.from(bot.tokenCiphertext).toString('latin1')).not.toContain(BOT_TOKEN);
    const shown = await t.http().get(`/workspaces/${ws.slug}/telegram/bot`).set(bearer(ws.users.ADMIN)).expect(200);
    expect(JSON.stringify(shown.body)).not.toContain(BOT_TOKEN.split(':')[1]);
  });

  it('links a chat through a one-time deep link; a used or expired link links nothing', async () => {
    people.COORDINATOR = newPerson('Sari');
    const token = await link(ws.users.COORDINATOR, people.COORDINATOR);
    expect((await sentTo(telegram, people.COORDINATOR.id)).text).toMatch(
      /^Terhubung: pesan Gaung dari Workspace .+ untuk coordinator-/,
    );
    const status = await t
      .http()
      .get(`/workspaces/${ws.slug}/telegram/link`)
      .set(bearer(ws.users.COORDINATOR))
      .expect(200);
    expect(status.body).toMatchObject({ bot: { username: 'gaung_bot' }, linked: { telegramUsername: 'sari' } });

    // The same link again, from someone else: single use.
    const intruder = newPerson('Intruder', 'en');
    telegram.addPerson(intruder);
    await deliver(t, telegram, telegram.personWrites(intruder, `/start ${token}`)).expect(200);
    expect((await sentTo(telegram, intruder.id)).text).toMatch(/^This link is not valid/);
    expect(await t.prisma.telegramLink.count({ where: { workspaceId: ws.id, chatId: intruder.id } })).toBe(0);

    // A link replaced by a newer one, then an expired link.
    const replaced = await deepLinkToken(t, ws.slug, ws.users.VIEWER);
    const late = await deepLinkToken(t, ws.slug, ws.users.VIEWER);
    await deliver(t, telegram, telegram.personWrites(intruder, `/start ${replaced}`)).expect(200);
    expect(await t.prisma.telegramLink.count({ where: { userId: ws.users.VIEWER.id } })).toBe(0);
    await t.prisma.telegramLinkToken.updateMany({
      where: { userId: ws.users.VIEWER.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await deliver(t, telegram, telegram.personWrites(intruder, `/start ${late}`)).expect(200);
    expect(await t.prisma.telegramLink.count({ where: { userId: ws.users.VIEWER.id } })).toBe(0);

    people.ADMIN = newPerson('Ann', 'en');
    await link(ws.users.ADMIN, people.ADMIN);
    people.EDITOR = newPerson('Eko');
    await link(ws.users.EDITOR, people.EDITOR);
    const audit = await t.prisma.auditEvent.findFirst({
      where: { workspaceId: ws.id, action: 'telegram.linked', actorId: ws.users.COORDINATOR.id },
    });
    expect(audit).not.toBeNull();
  });

  it("refuses webhook calls without the bot's secret, and acts on nothing they carry", async () => {
    const update = telegram.personWrites(people.ADMIN, '/tahan Krisis');
    await deliver(t, telegram, update, 'wrong-secret').expect(401);
    await deliver(t, telegram, update, '').expect(401);
    await t
      .http()
      .post('/telegram/webhook/00000000-0000-4000-8000-000000000000')
      .set('X-Telegram-Bot-Api-Secret-Token', telegram.webhook!.secretToken!)
      .send(update)
      .expect(401);
    expect((await t.prisma.workspace.findUniqueOrThrow({ where: { id: ws.id } })).heldAt).toBeNull();
  });

  it("a review request arrives with the post, its targets and time, and buttons in the reader's language", async () => {
    const { postId } = await draftPost(t, ws, 'Tolak upah murah! Aksi 1 Mei');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const post = await t.prisma.post.findUniqueOrThrow({ where: { id: postId } });

    const id = await sentTo(telegram, people.COORDINATOR.id, (m) => m.text?.includes(postId) ?? false);
    expect(id.text).toContain('mengajukan "Tolak upah murah! Aksi 1 Mei" untuk ditinjau');
    expect(id.text).toContain('Tujuan: Kanal umpan (FEED)');
    expect(id.text).toMatch(/Waktu terbit: \d+ \w+ \d{4} \d\d:\d\d/);
    expect(id.replyMarkup!.inline_keyboard).toEqual([
      [
        { text: 'Setujui', callback_data: `ap:${postId}:${post.version}` },
        { text: 'Minta perubahan', callback_data: `rc:${postId}:${post.version}` },
      ],
    ]);
    const en = await sentTo(telegram, people.ADMIN.id, (m) => m.text?.includes(postId) ?? false);
    expect(en.text).toContain('submitted "Tolak upah murah! Aksi 1 Mei" for review');
    expect(en.replyMarkup!.inline_keyboard![0]!.map((b) => b.text)).toEqual(['Approve', 'Request changes']);
    // The author is not told of their own submission.
    expect(telegram.sent.some((m) => m.chatId === people.EDITOR.id && m.text?.includes(postId))).toBe(false);
  });

  it('pressing "Setujui" approves as the linked coordinator: answered, the message edited to say who, audited as in the app', async () => {
    const { postId } = await draftPost(t, ws, 'Setujui dari Telegram');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const message = await sentTo(telegram, people.COORDINATOR.id, (m) => m.text?.includes(postId) ?? false);
    const approve = message.replyMarkup!.inline_keyboard![0]![0]!;

    const press = telegram.personPresses(people.COORDINATOR, message, approve.callback_data);
    await deliver(t, telegram, press).expect(200);
    expect(telegram.answered.find((a) => a.callbackQueryId === press.callback_query.id)).toMatchObject({
      text: 'Disetujui.',
    });
    expect(message.edits.at(-1)).toMatch(/✅ Disetujui oleh coordinator-\S+ \(versi \d+\)\.$/);
    expect(message.replyMarkup).toBeUndefined();
    const post = await t.prisma.post.findUniqueOrThrow({ where: { id: postId } });
    expect(post).toMatchObject({ status: 'APPROVED', approvedById: ws.users.COORDINATOR.id });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.id, action: 'post.approved', subjectId: postId },
    });
    expect(audit).toMatchObject({ actorId: ws.users.COORDINATOR.id, actorKind: 'user' });

    // The same update delivered again (Telegram retries a webhook) is not acted on twice.
    const answers = telegram.answered.length;
    await deliver(t, telegram, press).expect(200);
    expect(telegram.answered.length).toBe(answers);
  });

  it('a post edited since the message is refused, and the message says so', async () => {
    const { postId } = await draftPost(t, ws, 'Versi lama');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const message = await sentTo(telegram, people.COORDINATOR.id, (m) => m.text?.includes(postId) ?? false);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/posts/${postId}`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Versi baru' })
      .expect(200);

    const press = telegram.personPresses(
      people.COORDINATOR,
      message,
      message.replyMarkup!.inline_keyboard![0]![0]!.callback_data,
    );
    await deliver(t, telegram, press).expect(200);
    const answer = telegram.answered.find((a) => a.callbackQueryId === press.callback_query.id)!;
    expect(answer.showAlert).toBe(true);
    expect(answer.text).toMatch(/^⚠️ Unggahan ini diubah sejak pesan ini dikirim/);
    expect(message.edits.at(-1)).toMatch(/Unggahan ini diubah sejak pesan ini dikirim \(versi 1, sekarang 2\)/);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('IN_REVIEW');
  });

  it('"Minta perubahan" asks for the comment with force_reply, and the reply sends the post back with it', async () => {
    const { postId } = await draftPost(t, ws, 'Perlu perbaikan');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const message = await sentTo(telegram, people.ADMIN.id, (m) => m.text?.includes(postId) ?? false);
    const press = telegram.personPresses(
      people.ADMIN,
      message,
      message.replyMarkup!.inline_keyboard![0]![1]!.callback_data,
    );
    await deliver(t, telegram, press).expect(200);
    const prompt = await sentTo(telegram, people.ADMIN.id, (m) => m.replyMarkup?.force_reply === true);
    expect(prompt.text).toBe('Reply to this message with the changes you ask for on "Perlu perbaikan".');

    await deliver(
      t,
      telegram,
      telegram.personWrites(people.ADMIN, 'Add the union hashtag, please', prompt.messageId),
    ).expect(200);
    expect((await sentTo(telegram, people.ADMIN.id)).text).toMatch(/^↩️ Sent back to the author/);
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('CHANGES_REQUESTED');
    const comment = await t.prisma.reviewComment.findFirstOrThrow({ where: { postId, kind: 'CHANGES_REQUESTED' } });
    expect(comment).toMatchObject({ authorId: ws.users.ADMIN.id, body: 'Add the union hashtag, please' });
  });

  it('a press from an unlinked chat, a member without the role, or someone no longer a member is refused', async () => {
    const { postId } = await draftPost(t, ws, 'Jangan disetujui');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const message = await sentTo(telegram, people.COORDINATOR.id, (m) => m.text?.includes(postId) ?? false);
    const data = message.replyMarkup!.inline_keyboard![0]![0]!.callback_data;

    const stranger = newPerson('Stranger', 'en');
    const fromStranger = telegram.personPresses(stranger, message, data);
    await deliver(t, telegram, fromStranger).expect(200);
    expect(telegram.answered.find((a) => a.callbackQueryId === fromStranger.callback_query.id)).toMatchObject({
      showAlert: true,
      text: expect.stringMatching(/^This chat is not linked/),
    });

    const fromEditor = telegram.personPresses(people.EDITOR, message, data);
    await deliver(t, telegram, fromEditor).expect(200);
    expect(telegram.answered.find((a) => a.callbackQueryId === fromEditor.callback_query.id)!.text).toMatch(
      /^Ditolak: Peran Anda/,
    );

    await t.prisma.membership.deleteMany({ where: { workspaceId: ws.id, userId: ws.users.COORDINATOR.id } });
    const fromFormer = telegram.personPresses(people.COORDINATOR, message, data);
    await deliver(t, telegram, fromFormer).expect(200);
    expect(telegram.answered.find((a) => a.callbackQueryId === fromFormer.callback_query.id)!.text).toMatch(
      /^Obrolan ini tidak terhubung/,
    );
    await t.prisma.membership.create({
      data: { workspaceId: ws.id, userId: ws.users.COORDINATOR.id, role: 'COORDINATOR' },
    });
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id: postId } })).status).toBe('IN_REVIEW');
  });

  it('"/tahan <alasan>" from a linked admin holds the workspace (an editor cannot); it is lifted only in the app', async () => {
    await deliver(t, telegram, telegram.personWrites(people.EDITOR, '/tahan Bukan hak saya')).expect(200);
    expect((await sentTo(telegram, people.EDITOR.id)).text).toMatch(/^Ditolak: Peran Anda/);
    expect((await t.prisma.workspace.findUniqueOrThrow({ where: { id: ws.id } })).heldAt).toBeNull();

    await deliver(t, telegram, telegram.personWrites(people.ADMIN, '/tahan Krisis di lapangan')).expect(200);
    const held = await t.prisma.workspace.findUniqueOrThrow({ where: { id: ws.id } });
    expect(held).toMatchObject({ holdReason: 'Krisis di lapangan', heldById: ws.users.ADMIN.id });
    expect(held.heldAt).not.toBeNull();
    expect((await sentTo(telegram, people.ADMIN.id, (m) => m.text?.startsWith('⏸') ?? false)).text).toContain(
      `can only be lifted in the app: ${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/settings`,
    );
    expect(
      await t.prisma.auditEvent.count({
        where: { workspaceId: ws.id, action: 'workspace.held', actorId: ws.users.ADMIN.id },
      }),
    ).toBe(1);
    // Everyone linked hears of the hold through the channel (holds go by Telegram by default).
    await sentTo(telegram, people.COORDINATOR.id, (m) => m.text?.includes('Krisis di lapangan') ?? false);

    await t.http().post(`/workspaces/${ws.slug}/resume`).set(bearer(ws.users.ADMIN)).expect(200);
  });

  it("unlinking stops messages; the person's Telegram kinds are their own choice", async () => {
    const prefs = await t
      .http()
      .put('/me/notification-preferences')
      .set(bearer(ws.users.ADMIN))
      .send({ emailKinds: [], telegramKinds: ['WORKSPACE_HELD'], quietHours: null })
      .expect(200);
    expect(prefs.body.kinds).toContainEqual({
      kind: 'POST_SUBMITTED',
      inApp: true,
      email: false,
      telegram: false,
      ignoresQuietHours: false,
    });
    // A client that leaves telegramKinds out keeps them.
    const kept = await t
      .http()
      .put('/me/notification-preferences')
      .set(bearer(ws.users.ADMIN))
      .send({ emailKinds: [], quietHours: null })
      .expect(200);
    expect(kept.body.telegramKinds).toEqual(['WORKSPACE_HELD']);

    await t.http().delete(`/workspaces/${ws.slug}/telegram/link`).set(bearer(ws.users.COORDINATOR)).expect(204);
    expect(
      (await t.http().get(`/workspaces/${ws.slug}/telegram/link`).set(bearer(ws.users.COORDINATOR)).expect(200)).body
        .linked,
    ).toBeNull();
    const before = telegram.sent.length;
    const { postId } = await draftPost(t, ws, 'Tidak ke Telegram');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(telegram.sent.slice(before).filter((m) => m.text?.includes(postId))).toEqual([]);
  });
});
