import { PlatformHttp } from '../../src/publishers';
import { TelegramPublisher } from '../../src/publishers/telegram';
import { TelegramContract } from '../contracts/telegram/telegram-contract';
import { testConfig, testEgress } from '../support/test-config';
import { account, content, failure, image, publishRequest } from './publish-request.fixture';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawX';

describe('TelegramPublisher against the Bot API contract', () => {
  let api: TelegramContract;
  let publisher: TelegramPublisher;
  const channel = (overrides = {}) =>
    account('TELEGRAM', { externalId: '@serikat_kita', credentials: { botToken: TOKEN }, ...overrides });

  beforeAll(async () => {
    api = await new TelegramContract().start();
    api.validTokens.add(TOKEN);
    api.addChat({
      id: -1001234567890,
      type: 'channel',
      title: 'Serikat Kita',
      username: 'serikat_kita',
      bot: 'administrator',
    });
    api.addChat({ id: -1009876543210, type: 'channel', title: 'Rapat Internal', bot: 'administrator' });
    api.addChat({ id: -1001111111111, type: 'channel', title: 'Ditendang', username: 'ditendang', bot: 'kicked' });
    api.addChat({ id: -1002222222222, type: 'channel', title: 'Tanpa Hak', username: 'tanpa_hak', bot: 'no_rights' });
    publisher = new TelegramPublisher(
      new PlatformHttp(testEgress()),
      testConfig({ TELEGRAM_API_URL: api.baseUrl, PUBLISH_TIMEOUT_MS: '400' }),
    );
  });
  afterAll(async () => {
    await api.stop();
  });

  it('sends a text message to a public channel and returns its t.me link', async () => {
    const result = await publisher.publish(publishRequest(channel(), { text: 'Mogok nasional 1 Mei ✊' }));
    const sent = api.sent.at(-1)!;
    expect(sent).toMatchObject({ chatId: -1001234567890, text: 'Mogok nasional 1 Mei ✊' });
    expect(result).toEqual({ externalId: String(sent.messageId), url: `https://t.me/serikat_kita/${sent.messageId}` });
    const call = api.server.requests.at(-1)!;
    expect(call.path).toBe(`/bot${TOKEN}/sendMessage`);
    expect(call.json).toEqual({ chat_id: '@serikat_kita', text: 'Mogok nasional 1 Mei ✊' });
  });

  it('links private channels with t.me/c/ and uses the per-account Bot API server', async () => {
    const result = await publisher.publish(
      publishRequest(channel({ externalId: '-1009876543210', baseUrl: api.baseUrl })),
    );
    expect(result.url).toBe(`https://t.me/c/9876543210/${result.externalId}`);
  });

  it('uploads one photo with sendPhoto and the text as caption', async () => {
    const before = api.sent.length;
    const result = await publisher.publish(
      publishRequest(channel(), { text: 'Foto aksi', media: [image('m1', 'massa aksi')] }),
    );
    expect(api.sent.length).toBe(before + 1);
    const sent = api.sent.at(-1)!;
    expect(sent.caption).toBe('Foto aksi');
    expect(sent.files[0]).toMatchObject({ name: 'photo', contentType: 'image/png', filename: 'media0.png' });
    expect(sent.files[0]!.data.length).toBe(72);
    expect(result.externalId).toBe(String(sent.messageId));
  });

  it('sends several photos as one album with sendMediaGroup, caption on the first', async () => {
    const before = api.sent.length;
    const result = await publisher.publish(
      publishRequest(channel(), { text: 'Album', media: [image('a'), image('b'), image('c')] }),
    );
    const album = api.sent.slice(before);
    expect(album).toHaveLength(3);
    expect(album.map((m) => m.caption)).toEqual(['Album', undefined, undefined]);
    expect(result.externalId).toBe(String(album[0]!.messageId));
    expect(api.server.requests.at(-1)!.path).toBe(`/bot${TOKEN}/sendMediaGroup`);
  });

  it('maps flood control (429 + retry_after) to a rate-limited NOT_SENT_RETRYABLE', async () => {
    api.failNext({
      kind: 'error',
      status: 429,
      description: 'Too Many Requests: retry after 17',
      parameters: { retry_after: 17 },
    });
    const error = await failure(publisher.publish(publishRequest(channel())));
    expect(error).toMatchObject({
      kind: 'NOT_SENT_RETRYABLE',
      code: 'telegram.429',
      rateLimited: true,
      retryAfterMs: 17_000,
      httpStatus: 429,
    });
  });

  it.each([
    [
      'revoked token (401)',
      { credentials: { botToken: '123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } },
      'telegram.401',
    ],
    ['malformed token (404)', { credentials: { botToken: 'not-a-token' } }, 'telegram.404'],
    ['bot kicked from the channel (403)', { externalId: '@ditendang' }, 'telegram.403'],
    ['bot without posting rights (400)', { externalId: '@tanpa_hak' }, 'telegram.400'],
    ['chat not found (400)', { externalId: '@tidak_ada' }, 'telegram.400'],
    ['no token stored', { credentials: {} }, 'telegram.no_token'],
  ])('maps %s to AUTH', async (_label, overrides, code) => {
    const error = await failure(publisher.publish(publishRequest(channel(overrides))));
    expect(error).toMatchObject({ kind: 'AUTH', code });
    expect(error.message).not.toContain(TOKEN);
  });

  it('maps other 400s (content refused) to PERMANENT with the platform reason', async () => {
    const error = await failure(publisher.publish(publishRequest(channel(), { text: 'x'.repeat(4097) })));
    expect(error).toMatchObject({
      kind: 'PERMANENT',
      code: 'telegram.400',
      message: 'Bad Request: message is too long',
    });
  });

  it('maps 5xx to AMBIGUOUS and never promises a safe retry', async () => {
    api.failNext({ kind: 'error', status: 502, description: 'Bad Gateway' });
    const error = await failure(publisher.publish(publishRequest(channel())));
    expect(error).toMatchObject({ kind: 'AMBIGUOUS', code: 'telegram.502' });
    expect(publisher.ambiguousRetry).toBe('none');
  });

  it('treats a dropped connection after sending as AMBIGUOUS (the message exists) without leaking the token', async () => {
    const before = api.sent.length;
    api.failNext({ kind: 'drop-after-send' });
    const error = await failure(publisher.publish(publishRequest(channel())));
    expect(error.kind).toBe('AMBIGUOUS');
    expect(api.sent.length).toBe(before + 1);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(error.cause).toBeUndefined();
  });

  it('treats a request that never gets an answer as AMBIGUOUS after the timeout', async () => {
    api.failNext({ kind: 'hang' });
    const error = await failure(publisher.publish(publishRequest(channel())));
    expect(error.kind).toBe('AMBIGUOUS');
  });

  it('reports a refused connection as NOT_SENT_RETRYABLE', async () => {
    const error = await failure(publisher.publish(publishRequest(channel({ baseUrl: 'http://127.0.0.1:9' }))));
    expect(error.kind).toBe('NOT_SENT_RETRYABLE');
  });

  it('verifies the bot and the channel with getMe + getChat + getChatMember', async () => {
    const identity = await publisher.verifyCredentials(channel(), new AbortController().signal);
    expect(identity).toEqual({
      externalId: '-1001234567890',
      displayName: 'Serikat Kita',
      handle: '@serikat_kita',
      settings: { botId: 777000111, botUsername: 'gaung_bot', chatType: 'channel' },
    });
    const calls = api.server.requests.slice(-3);
    expect(calls.map((r) => r.path.replace(TOKEN, 'T'))).toEqual([
      '/botT/getMe',
      '/botT/getChat',
      '/botT/getChatMember',
    ]);
    expect(calls[2]!.json).toEqual({ chat_id: '@serikat_kita', user_id: 777000111 });
  });

  it('fails verification with AUTH for a revoked token or an unknown chat', async () => {
    const revoked = await failure(
      publisher.verifyCredentials(
        channel({ credentials: { botToken: '123456789:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' } }),
        new AbortController().signal,
      ),
    );
    expect(revoked).toMatchObject({ kind: 'AUTH', code: 'telegram.401' });
    const unknownChat = await failure(
      publisher.verifyCredentials(channel({ externalId: '@hilang' }), new AbortController().signal),
    );
    expect(unknownChat).toMatchObject({ kind: 'AUTH', code: 'telegram.400', message: 'Bad Request: chat not found' });
  });

  it('fails verification with AUTH when the bot may not post in the channel', async () => {
    const signal = new AbortController().signal;
    expect(await failure(publisher.verifyCredentials(channel({ externalId: '@tanpa_hak' }), signal))).toMatchObject({
      kind: 'AUTH',
      code: 'telegram.not_admin',
    });
    const kicked = await failure(publisher.verifyCredentials(channel({ externalId: '@ditendang' }), signal));
    expect(kicked).toMatchObject({
      kind: 'AUTH',
      code: 'telegram.not_admin',
      message: expect.stringContaining('kicked'),
    });
  });

  describe('validate', () => {
    it('counts UTF-16 code units like Telegram: 4096 fits, a raised fist with skin tone (3 units) more does not', () => {
      expect(publisher.validate(content({ text: 'a'.repeat(4096) }))).toEqual([]);
      const issues = publisher.validate(content({ text: 'a'.repeat(4095) + '✊🏽' }));
      expect(issues.map((i) => i.code)).toEqual(['telegram.text_too_long']);
      expect(issues[0]!.message.id).toContain('4098');
      expect(issues[0]!.message.en).toContain('4098');
    });

    it('applies the 1,024 caption limit when media is attached; combining marks count per code unit', () => {
      const combining = 'e\u0301'; // é as e + combining acute: 1 grapheme, 2 code units
      expect(publisher.validate(content({ text: combining.repeat(512), media: [image('x')] }))).toEqual([]);
      expect(
        publisher.validate(content({ text: combining.repeat(513), media: [image('x')] })).map((i) => i.code),
      ).toEqual(['telegram.caption_too_long']);
      // Over the message limit too: still only the caption limit, the one the editor must meet.
      expect(publisher.validate(content({ text: 'a'.repeat(5000), media: [image('x')] }))).toEqual([
        {
          code: 'telegram.caption_too_long',
          message: {
            id: 'Teks terlalu panjang untuk Telegram: 5000 dari maksimal 1024 karakter (keterangan foto).',
            en: 'Text is too long for Telegram: 5000 of at most 1024 characters (photo caption).',
          },
        },
      ]);
    });

    it('asks for text or media, and at most 10 media', () => {
      expect(publisher.validate(content({ text: '  ' })).map((i) => i.code)).toEqual(['telegram.empty']);
      const eleven = Array.from({ length: 11 }, (_, i) => image(`m${i}`));
      expect(publisher.validate(content({ text: 'x', media: eleven })).map((i) => i.code)).toEqual([
        'telegram.too_many_media',
      ]);
    });
  });
});
