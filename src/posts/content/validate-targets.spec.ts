import type { Platform } from '../../core/database';
import type { Publisher, PublishContent } from '../../publishers/publisher';
import { hasIssues, validateTargets, validatorFrom, type ContentValidator } from './validate-targets';

describe('validateTargets', () => {
  it('validates the text each platform will receive, with its account settings', () => {
    const seen: { platform: Platform; content: PublishContent; settings: Record<string, unknown> }[] = [];
    const validatorFor =
      (platform: Platform): ContentValidator =>
      (content, account) => {
        seen.push({ platform, content, settings: account.settings });
        return content.text.length > 5 ? [{ code: 'too_long', message: { id: 'panjang', en: 'long' } }] : [];
      };
    const results = validateTargets(
      {
        baseText: 'Teks dasar panjang',
        title: 'Judul',
        media: [],
        targets: [
          { targetId: 't1', platform: 'X', text: 'Pendek', account: { settings: {} } },
          { targetId: null, platform: 'MASTODON', text: null, account: { settings: { maxChars: 11 } } },
          { targetId: 't3', platform: 'BLUESKY', text: 'Oke', account: { settings: {} } },
        ],
      },
      validatorFor,
    );
    expect(seen.map((call) => [call.platform, call.content.text, call.content.title])).toEqual([
      ['X', 'Pendek', 'Judul'],
      ['MASTODON', 'Teks dasar panjang', 'Judul'],
      ['BLUESKY', 'Oke', 'Judul'],
    ]);
    expect(seen[1].settings).toEqual({ maxChars: 11 });
    expect(results.map((result) => [result.index, result.targetId, result.issues.length])).toEqual([
      [0, 't1', 1],
      [1, null, 1],
      [2, 't3', 0],
    ]);
    expect(hasIssues(results)).toBe(true);
    expect(hasIssues(results.slice(2))).toBe(false);
  });
});

describe('validatorFrom', () => {
  const xPublisher = {
    platform: 'X',
    limits: {
      maxChars: 280,
      counting: 'twitter-weighted',
      maxMedia: 4,
      media: null,
      requiresMedia: false,
      requiresText: false,
      requiresTitle: false,
      rateBudget: null,
    },
    ambiguousRetry: 'lookup',
    validate: () => [{ code: 'from_publisher', message: { id: 'penerbit', en: 'publisher' } }],
    publish: () => Promise.reject(new Error('not in this test')),
    verifyCredentials: () => Promise.reject(new Error('not in this test')),
  } satisfies Publisher;
  const registry = {
    get: (platform: Platform): Publisher => {
      if (platform !== 'X') throw new Error(`No publisher is registered for ${platform}`);
      return xPublisher;
    },
  };

  it("uses the platform's publisher's validate", () => {
    const validatorFor = validatorFrom(registry);
    const content = { text: '', title: null, media: [] };
    expect(validatorFor('X')(content, { settings: {} }).map((issue) => issue.code)).toEqual(['from_publisher']);
    expect(() => validatorFor('WORDPRESS')).toThrow(/No publisher/);
  });
});
