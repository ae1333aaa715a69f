import type { Platform } from '../../core/database';
import type { MediaItem, PublishContent } from '../../publishers/publisher';
import { validateWithFallbackRules } from './fallback-rules';

const image: MediaItem = {
  id: 'm1',
  kind: 'IMAGE',
  mimeType: 'image/jpeg',
  byteSize: 1000,
  altText: 'Massa aksi',
  publicUrl: 'http://127.0.0.1/m1.jpg',
  read: async () => Buffer.alloc(0),
};
const video: MediaItem = { ...image, id: 'm2', kind: 'VIDEO', mimeType: 'video/mp4' };

const content = (text: string, extra: Partial<PublishContent> = {}): PublishContent => ({ text, title: null, media: [], ...extra });
const check = (platform: Platform, text: string, extra: Partial<PublishContent> = {}, settings: Record<string, unknown> = {}) =>
  validateWithFallbackRules(platform, content(text, extra), { settings });
const codes = (platform: Platform, text: string, extra: Partial<PublishContent> = {}, settings: Record<string, unknown> = {}) =>
  check(platform, text, extra, settings).map((issue) => issue.code);

const workerEmoji = '👷🏽‍♀️'; // one grapheme, 7 UTF-16 units
const combining = 'e\u0301'; // é as e + combining acute: one grapheme, two code points
// twitter-text only recognises real top-level domains, so no .example here.
const longUrl = `https://www.kspi.or.id/berita/${'a'.repeat(80)}`;

describe('X (weighted, URLs count 23)', () => {
  it('accepts 280 and refuses 281, naming the length and the limit', () => {
    expect(codes('X', 'a'.repeat(280))).toEqual([]);
    const [issue] = check('X', 'a'.repeat(281));
    expect(issue.code).toBe('text_too_long');
    expect(issue.message.id).toBe('Teks terlalu panjang untuk X: 281 dari batas 280 (karakter berbobot X: URL = 23, emoji = 2).');
    expect(issue.message.en).toContain('281 of at most 280');
  });

  it('counts a long URL as 23', () => {
    const text = `${'a'.repeat(250)} ${longUrl}`;
    expect(text.length).toBeGreaterThan(280);
    expect(codes('X', text)).toEqual([]);
    const [issue] = check('X', `${'a'.repeat(257)} ${longUrl}`);
    expect(issue.message.en).toContain('281 of at most 280');
  });

  it('counts an emoji as 2', () => {
    expect(codes('X', workerEmoji.repeat(140))).toEqual([]);
    expect(check('X', workerEmoji.repeat(141))[0].message.id).toContain('282 dari batas 280');
  });
});

describe('Bluesky (300 graphemes)', () => {
  it('counts an emoji with skin tone and ZWJ, and a combining mark, as one each', () => {
    expect(codes('BLUESKY', workerEmoji.repeat(300))).toEqual([]);
    expect(codes('BLUESKY', combining.repeat(300))).toEqual([]);
    expect(check('BLUESKY', `${combining.repeat(300)}!`)[0].message.en).toContain('301 of at most 300 (characters)');
  });
});

describe('Mastodon (500 or the instance limit)', () => {
  it('uses 500 by default and settings.maxChars when the instance told us', () => {
    expect(codes('MASTODON', 'a'.repeat(501))).toEqual(['text_too_long']);
    expect(codes('MASTODON', 'a'.repeat(501), {}, { maxChars: 1000 })).toEqual([]);
    expect(check('MASTODON', 'a'.repeat(1001), {}, { maxChars: 1000 })[0].message.en).toContain('1001 of at most 1000');
  });

  it('ignores a malformed instance limit', () => {
    expect(codes('MASTODON', 'a'.repeat(501), {}, { maxChars: '1000' })).toEqual(['text_too_long']);
    expect(codes('MASTODON', 'a'.repeat(501), {}, { maxChars: -1 })).toEqual(['text_too_long']);
  });
});

describe('Telegram (4,096; 1,024 as a caption; UTF-16 units)', () => {
  it('applies the message limit without media and the caption limit with media', () => {
    expect(codes('TELEGRAM', 'a'.repeat(4096))).toEqual([]);
    expect(codes('TELEGRAM', 'a'.repeat(4097))).toEqual(['text_too_long']);
    expect(codes('TELEGRAM', 'a'.repeat(1024), { media: [image] })).toEqual([]);
    const [issue] = check('TELEGRAM', 'a'.repeat(1025), { media: [image] });
    expect(issue.code).toBe('caption_too_long');
    expect(issue.message.id).toContain('1025 dari batas 1024');
  });

  it('counts an emoji as two units', () => {
    expect(check('TELEGRAM', '😀'.repeat(2049))[0].message.en).toContain('4098 of at most 4096 (UTF-16 units');
  });
});

describe('Instagram, Threads, LinkedIn, Facebook, WordPress', () => {
  it('needs an image on Instagram, and caps at 2,200', () => {
    expect(check('INSTAGRAM', 'Hari Buruh')[0].message).toEqual({
      id: 'Instagram memerlukan paling sedikit satu gambar.',
      en: 'Instagram needs at least one image.',
    });
    expect(codes('INSTAGRAM', 'Hari Buruh', { media: [video] })).toEqual(['image_required']);
    expect(codes('INSTAGRAM', 'Hari Buruh', { media: [image] })).toEqual([]);
    expect(codes('INSTAGRAM', 'a'.repeat(2201), { media: [image] })).toEqual(['text_too_long']);
  });

  it.each([
    ['THREADS', 500],
    ['LINKEDIN', 3000],
    ['FACEBOOK', 63206],
  ] as const)('caps %s at %i', (platform, limit) => {
    expect(codes(platform, 'a'.repeat(limit))).toEqual([]);
    expect(check(platform, 'a'.repeat(limit + 1))[0].message.en).toContain(`${limit + 1} of at most ${limit}`);
  });

  it('needs a non-blank title on WordPress, and no length limit', () => {
    expect(check('WORDPRESS', 'Isi')[0]).toEqual({
      code: 'title_required',
      message: { id: 'WordPress memerlukan judul.', en: 'WordPress needs a title.' },
    });
    expect(codes('WORDPRESS', 'Isi', { title: '  ' })).toEqual(['title_required']);
    expect(codes('WORDPRESS', 'a'.repeat(100_000), { title: 'Siaran pers' })).toEqual([]);
  });
});

describe('common rules', () => {
  it('refuses an empty post without media, in both languages', () => {
    const [issue] = check('BLUESKY', '   ');
    expect(issue.code).toBe('content_empty');
    expect(issue.message.id).toBe('Unggahan untuk Bluesky kosong: isi teks atau lampirkan media.');
    expect(codes('BLUESKY', '', { media: [image] })).toEqual([]);
  });

  it('has no rules for webhooks and feeds', () => {
    expect(codes('WEBHOOK', '')).toEqual([]);
    expect(codes('FEED', 'a'.repeat(100_000))).toEqual([]);
  });
});
