import { countGraphemes } from './text-length';

describe('countGraphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string) => [...segmenter.segment(text)].length;

  it.each([
    ['ascii', 'Buruh bersatu '.repeat(200)],
    ['combining marks at chunk edges', 'e\u0301 '.repeat(700) + 'e\u0301'.repeat(900)],
    ['flags and ZWJ emoji', ('🇮🇩👩🏽‍🏭 ok ').repeat(300)],
    ['CRLF', 'a\r\nb '.repeat(600)],
  ])('matches Intl.Segmenter on %s', (_label, text) => {
    expect(countGraphemes(text)).toBe(reference(text));
  });

  it('counts 100,000 characters quickly (the segmenter alone is quadratic)', () => {
    const started = Date.now();
    expect(countGraphemes('e\u0301'.repeat(50_000) + 'x'.repeat(50_000))).toBe(100_000);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
