import { SecretBox } from '../../src/core/crypto';
import { TelegramContract, type SentMessage, type TelegramPerson } from '../contracts/telegram/telegram-contract';
import { WebhookContractServer } from '../contracts/webhook/webhook-contract-server';
import { waitForState, WEBHOOK_SECRET } from '../publishing/engine-fixtures';
import { bearer, createWorkspace, type FixtureUser, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { draftPost } from './notification-support';
import { deepLinkToken, deliver, editedTo, newPerson, sentTo } from './telegram-support';

// A bot of its own: a Telegram bot serves one workspace, and test files share one database.
const RELEASE_TOKEN = '777000333:AAH-release-contract-token-abcdefghijk';
const OUT = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'HELD', 'EXPIRED', 'CANCELLED'];

/**
 * Rapid response from Telegram (issue 13, items 3 and 4): a statement waiting for release reaches
 * the coordinators as a card with "Rilis sekarang", released as the linked member through the same
 * service as the app; once a post is approved or a statement released, from the app or from
 * Telegram, everyone else's card loses its buttons and says who did it.
 */
describe('Telegram: releasing a rapid-response statement; the other cards say who acted', () => {
  let t: TestApp;
  let telegram: TelegramContract;
  let receiver: WebhookContractServer;
  let ws: FixtureWorkspace;
  const accountIds: string[] = [];
  const people = {} as Record<'COORDINATOR' | 'ADMIN' | 'OWNER' | 'EDITOR', TelegramPerson>;

  beforeAll(async () => {
    telegram = await new TelegramContract({ id: 777000333, username: 'gaung_bot', first_name: 'Gaung' }).start();
    telegram.validTokens.add(RELEASE_TOKEN);
    receiver = await new WebhookContractServer(WEBHOOK_SECRET).start();
    t = await startTestApp({
      roles: ['api', 'worker'],
      config: { TELEGRAM_API_URL: telegram.baseUrl, TELEGRAM_UPDATES: 'webhook' },
    });
    ws = await createWorkspace(t.prisma);
    await t.prisma.user.update({ where: { id: ws.users.OWNER.id }, data: { locale: 'en' } });
    for (const name of ['Kanal 1', 'Kanal 2']) {
      const account = await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'WEBHOOK', displayName: name, baseUrl: receiver.url },
      });
      const sealed = t.app
        .get(SecretBox)
        .seal(JSON.stringify({ secret: WEBHOOK_SECRET }), { workspaceId: ws.id, subject: `account:${account.id}` });
      await t.prisma.connectedAccount.update({
        where: { id: account.id },
        data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
      });
      accountIds.push(account.id);
    }
    await t
      .http()
      .put(`/workspaces/${ws.slug}/telegram/bot`)
      .set(bearer(ws.users.ADMIN))
      .send({ token: RELEASE_TOKEN })
      .expect(200);
    for (const [role, person] of [
      ['COORDINATOR', newPerson('Sari')],
      ['ADMIN', newPerson('Adi')],
      ['OWNER', newPerson('Olga', 'en')],
      ['EDITOR', newPerson('Eko')],
    ] as const) {
      people[role] = person;
      telegram.addPerson(person);
      const token = await deepLinkToken(t, ws.slug, ws.users[role]);
      await deliver(t, telegram, telegram.personWrites(person, `/start ${token}`)).expect(200);
    }
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.stop();
    await telegram?.stop();
  });

  const write = async (who: FixtureUser, text: string): Promise<string> =>
    (
      await t
        .http()
        .post(`/workspaces/${ws.slug}/statements`)
        .set(bearer(who))
        .send({ baseText: text, targets: accountIds.map((accountId) => ({ accountId })) })
        .expect(201)
    ).body.id;
  const cardOf = (person: TelegramPerson, postId: string) =>
    sentTo(
      telegram,
      person.id,
      (m) => m.replyMarkup?.inline_keyboard?.[0]?.[0]?.callback_data.includes(postId) ?? false,
    );
  const press = async (person: TelegramPerson, card: SentMessage) => {
    const update = telegram.personPresses(
      person,
      card,
      card.replyMarkup?.inline_keyboard?.[0]?.[0]?.callback_data ?? '',
    );
    await deliver(t, telegram, update).expect(200);
    return telegram.answered.find((a) => a.callbackQueryId === update.callback_query.id)!;
  };
  const requestsFor = (targetId: string) =>
    receiver.requests.filter((r) => (r.json as { targetId?: string } | undefined)?.targetId === targetId).length;

  let statementId: string;
  const cards = {} as Record<'ADMIN' | 'OWNER', SentMessage>;

  it('a statement waiting for release reaches the other coordinators+ with its text, targets and "Rilis sekarang" bound to its version', async () => {
    statementId = await write(ws.users.COORDINATOR, 'Kami menolak PHK sepihak hari ini.');
    cards.ADMIN = await cardOf(people.ADMIN, statementId);
    expect(cards.ADMIN.text).toContain('Pernyataan cepat dari coordinator-');
    expect(cards.ADMIN.text).toContain('Kami menolak PHK sepihak hari ini.');
    expect(cards.ADMIN.text).toContain('Tujuan: Kanal 1 (WEBHOOK), Kanal 2 (WEBHOOK)');
    expect(cards.ADMIN.text).toContain('Waktu terbit: segera setelah dirilis, ke semua tujuan');
    expect(cards.ADMIN.text).toContain(`${t.config.PUBLIC_BASE_URL}/app/${ws.slug}/statements`);
    expect(cards.ADMIN.replyMarkup!.inline_keyboard).toEqual([
      [{ text: 'Rilis sekarang', callback_data: `rl:${statementId}:1` }],
    ]);
    cards.OWNER = await cardOf(people.OWNER, statementId);
    expect(cards.OWNER.text).toContain('A rapid-response statement by coordinator-');
    expect(cards.OWNER.replyMarkup!.inline_keyboard).toEqual([
      [{ text: 'Release now', callback_data: `rl:${statementId}:1` }],
    ]);
    // Neither its writer nor an editor is asked.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      telegram.sent.filter(
        (m) => [people.COORDINATOR.id, people.EDITOR.id].includes(m.chatId) && m.replyMarkup?.inline_keyboard,
      ),
    ).toEqual([]);
    expect(await t.prisma.telegramCardMessage.count({ where: { postId: statementId, settledAt: null } })).toBe(2);
  });

  it('its writer, an editor and an unlinked chat are refused with the reason, and nothing moves', async () => {
    const byWriter = await press(people.COORDINATOR, cards.ADMIN);
    expect(byWriter).toMatchObject({
      showAlert: true,
      text: expect.stringMatching(/^Ditolak: Pernyataan cepat harus dirilis oleh koordinator atau admin lain/),
    });
    const byEditor = await press(people.EDITOR, cards.ADMIN);
    expect(byEditor).toMatchObject({
      showAlert: true,
      text: 'Ditolak: Peran Anda di ruang kerja ini tidak mengizinkan tindakan ini.',
    });
    const stranger = newPerson('Stranger', 'en');
    const byStranger = await press(stranger, { ...cards.ADMIN, chatId: stranger.id });
    expect(byStranger).toMatchObject({ showAlert: true, text: expect.stringMatching(/^This chat is not linked/) });

    const post = await t.prisma.post.findUniqueOrThrow({ where: { id: statementId }, include: { targets: true } });
    expect(post).toMatchObject({ status: 'IN_REVIEW', approvedVersion: null });
    expect(post.targets.map((target) => target.state)).toEqual(['PENDING', 'PENDING']);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: statementId, action: 'statement.released' } })).toBe(
      0,
    );
    expect(cards.ADMIN.edits).toEqual([]);
    expect(cards.ADMIN.replyMarkup).toBeDefined();
  });

  it('released from Telegram by a second coordinator: published once per target by the engine, audited, and the other card says who released it', async () => {
    const answer = await press(people.ADMIN, cards.ADMIN);
    expect(answer).toMatchObject({
      showAlert: false,
      text: 'Dirilis: pernyataan diterbitkan ke semua tujuan sekarang.',
    });
    const edited = await editedTo(cards.ADMIN, /🚀 Dirilis oleh admin-\S+ \(versi 1\)\.$/);
    expect(edited.startsWith(cards.ADMIN.text!)).toBe(true);
    expect(cards.ADMIN.replyMarkup).toBeUndefined();

    const post = await t.prisma.post.findUniqueOrThrow({ where: { id: statementId } });
    expect(post).toMatchObject({ status: 'APPROVED', approvedVersion: 1, approvedById: ws.users.ADMIN.id });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({
      where: { workspaceId: ws.id, action: 'statement.released', subjectId: statementId },
    });
    expect(audit).toMatchObject({ actorId: ws.users.ADMIN.id, actorKind: 'user' });
    const targets = await t.prisma.postTarget.findMany({ where: { postId: statementId } });
    for (const target of targets) expect((await waitForState(t.prisma, target.id, OUT)).state).toBe('PUBLISHED');
    for (const target of targets) expect(requestsFor(target.id)).toBe(1);

    // The owner's card loses its button and says who released it, in the owner's language.
    await editedTo(cards.OWNER, /\n\n🚀 Released by admin-\S+ \(version 1\)\.$/);
    expect(cards.OWNER.edits[0]!.startsWith(cards.OWNER.text!)).toBe(true);
    expect(cards.OWNER.replyMarkup).toBeUndefined();
    expect(await t.prisma.telegramCardMessage.count({ where: { postId: statementId, settledAt: null } })).toBe(0);
  });

  it('a press that crossed the release is refused and says who released it; nothing publishes twice', async () => {
    const edits = cards.OWNER.edits.length;
    const answer = await press(people.OWNER, {
      ...cards.OWNER,
      replyMarkup: { inline_keyboard: [[{ text: 'Release now', callback_data: `rl:${statementId}:1` }]] },
    });
    expect(answer).toMatchObject({
      showAlert: true,
      text: expect.stringMatching(
        /^Nothing was done: this statement was already released by admin-\S+ \(version 1\)\.$/,
      ),
    });
    expect(cards.OWNER.edits.length).toBe(edits); // already edited once, not again
    const targets = await t.prisma.postTarget.findMany({ where: { postId: statementId } });
    for (const target of targets) expect(requestsFor(target.id)).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { subjectId: statementId, action: 'statement.released' } })).toBe(
      1,
    );
  });

  it("a statement edited since the card is refused and the card says so; released from the app, the others' cards say by whom", async () => {
    const id = await write(ws.users.EDITOR, 'Pernyataan versi pertama.');
    const [adminCard, coordinatorCard, ownerCard] = await Promise.all([
      cardOf(people.ADMIN, id),
      cardOf(people.COORDINATOR, id),
      cardOf(people.OWNER, id),
    ]);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/posts/${id}`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Pernyataan versi kedua.' })
      .expect(200);

    const stale = await press(people.ADMIN, adminCard);
    expect(stale).toMatchObject({
      showAlert: true,
      text: expect.stringMatching(/^⚠️ Pernyataan ini diubah sejak pesan ini dikirim \(versi 1, sekarang 2\)/),
    });
    await editedTo(adminCard, /Pernyataan ini diubah sejak pesan ini dikirim \(versi 1, sekarang 2\)/);
    const post = await t.prisma.post.findUniqueOrThrow({ where: { id }, include: { targets: true } });
    expect(post.status).toBe('IN_REVIEW');
    expect(post.targets.map((target) => target.state)).toEqual(['PENDING', 'PENDING']);

    // Released in the app by the owner (version 2): the cards still showing a button say so.
    await t
      .http()
      .post(`/workspaces/${ws.slug}/statements/${id}/release`)
      .set(bearer(ws.users.OWNER))
      .send({ version: 2 })
      .expect(200);
    await editedTo(coordinatorCard, /\n\n🚀 Dirilis oleh owner-\S+ \(versi 2\)\.$/);
    await editedTo(ownerCard, /\n\n🚀 Released by owner-\S+ \(version 2\)\.$/);
    expect(coordinatorCard.replyMarkup).toBeUndefined();
    // The card already closed by the stale press is left as it said.
    expect(adminCard.edits).toHaveLength(1);
  });

  it('a card Telegram cannot edit right now is tried again; the others are edited at once', async () => {
    const id = await write(ws.users.EDITOR, 'Pernyataan saat Telegram sibuk.');
    const cardsOfIt = await Promise.all([
      cardOf(people.COORDINATOR, id),
      cardOf(people.ADMIN, id),
      cardOf(people.OWNER, id),
    ]);
    telegram.failNextEdit({
      kind: 'error',
      status: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    await t
      .http()
      .post(`/workspaces/${ws.slug}/statements/${id}/release`)
      .set(bearer(ws.users.ADMIN))
      .send({ version: 1 })
      .expect(200);
    for (const card of cardsOfIt)
      await editedTo(card, /\n\n🚀 (Dirilis oleh|Released by) admin-\S+ \((versi|version) 1\)\.$/);
    // The one refused was edited on the job's retry, and none twice.
    expect(cardsOfIt.map((card) => card.edits.length)).toEqual([1, 1, 1]);
    expect(await t.prisma.telegramCardMessage.count({ where: { postId: id, settledAt: null } })).toBe(0);
  });

  it("a review request approved in the app: every coordinator's card loses its buttons and says who approved", async () => {
    const { postId } = await draftPost(t, ws, 'Aksi 1 Mei: setujui di aplikasi');
    await t.http().post(`/workspaces/${ws.slug}/posts/${postId}/submit`).set(bearer(ws.users.EDITOR)).expect(200);
    const [adminCard, ownerCard] = await Promise.all([cardOf(people.ADMIN, postId), cardOf(people.OWNER, postId)]);
    expect(adminCard.replyMarkup!.inline_keyboard![0]!.map((b) => b.text)).toEqual(['Setujui', 'Minta perubahan']);

    await t
      .http()
      .post(`/workspaces/${ws.slug}/posts/${postId}/approve`)
      .set(bearer(ws.users.COORDINATOR))
      .send({ version: 1 })
      .expect(200);
    await editedTo(adminCard, /\n\n✅ Disetujui oleh coordinator-\S+ \(versi 1\)\.$/);
    await editedTo(ownerCard, /\n\n✅ Approved by coordinator-\S+ \(version 1\)\.$/);
    expect(adminCard.replyMarkup).toBeUndefined();
    expect(ownerCard.replyMarkup).toBeUndefined();
  });
});
