import {
  actedLine,
  cardCallbackData,
  parseCardCallback,
  type ReviewCard,
  telegramMessage,
  withLine,
} from './telegram-content';

const POST_ID = '0192f0c4-5b1e-7a4c-9d2e-3f4a5b6c7d8e';
const reader = { locale: 'id' as const, timeZone: 'Asia/Jakarta' };
const statementCard: ReviewCard = {
  id: POST_ID,
  version: 3,
  status: 'IN_REVIEW',
  statement: true,
  baseText: 'Kami menolak PHK sepihak.',
  scheduledAt: null,
  publishNow: true,
  targets: [{ account: { displayName: 'Kanal 1', platform: 'MASTODON' } }],
};
const awaiting = {
  kind: 'STATEMENT_AWAITING_RELEASE' as const,
  params: { actor: 'Eko', post: 'Kami menolak PHK sepihak.', targets: 1 },
  subjectType: 'POST' as const,
  subjectId: POST_ID,
  createdAt: new Date('2030-05-01T01:00:00Z'),
  workspace: { slug: 'kspi', name: 'KSPI' },
};

describe('Telegram cards', () => {
  it("round-trips every button's callback data within Telegram's 64 bytes, and refuses anything else", () => {
    for (const action of ['approve', 'changes', 'release'] as const) {
      const data = cardCallbackData(action, POST_ID, 12);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseCardCallback(data)).toEqual({ action, postId: POST_ID, version: 12 });
    }
    expect(parseCardCallback(`xx:${POST_ID}:1`)).toBeNull();
    expect(parseCardCallback(`rl:${POST_ID}:`)).toBeNull();
    expect(parseCardCallback(undefined)).toBeNull();
  });

  it('a statement waiting for release carries its text, targets and one release button bound to the version shown', () => {
    const id = telegramMessage(awaiting, reader, 'https://gaung.test', statementCard);
    expect(id.text).toContain(
      'Kami menolak PHK sepihak.\n\nTujuan: Kanal 1 (MASTODON)\nWaktu terbit: segera setelah dirilis, ke semua tujuan\nVersi 3',
    );
    expect(id.buttons).toEqual([[{ text: 'Rilis sekarang', callback_data: `rl:${POST_ID}:3` }]]);
    const en = telegramMessage(awaiting, { ...reader, locale: 'en' }, 'https://gaung.test', statementCard);
    expect(en.buttons).toEqual([[{ text: 'Release now', callback_data: `rl:${POST_ID}:3` }]]);
    // Released before the message went out: news without a button.
    expect(
      telegramMessage(awaiting, reader, 'https://gaung.test', { ...statementCard, status: 'APPROVED' }).buttons,
    ).toBeNull();
  });

  it("the last line says who acted, and is never cut at Telegram's 4,096", () => {
    expect(actedLine(true, 'id', { name: 'Adi', version: 2 })).toBe('🚀 Dirilis oleh Adi (versi 2).');
    expect(actedLine(false, 'en', { name: 'Adi', version: 2 })).toBe('✅ Approved by Adi (version 2).');
    const long = withLine('x'.repeat(5000), actedLine(true, 'en', { name: 'Adi', version: 1 }));
    expect(long.length).toBeLessThanOrEqual(4096);
    expect(long.endsWith('\n\n🚀 Released by Adi (version 1).')).toBe(true);
  });
});
