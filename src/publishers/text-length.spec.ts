import fc from 'fast-check';
import { countGraphemes } from './text-length';

describe('countGraphemes', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string) => [...segmenter.segment(text)].length;

  it.each([
    ['ascii', 'Buruh bersatu '.repeat(200)],
    ['combining marks at window edges', 'e\u0301 '.repeat(700) + 'e\u0301'.repeat(900)],
    ['flags and ZWJ emoji', '🇮🇩👩🏽‍🏭 ok '.repeat(300)],
    ['a long run of flags (regional-indicator pairs)', '🇮🇩'.repeat(1500)],
    ['CRLF', 'a\r\nb '.repeat(600)],
    ['a cluster longer than the lookahead', 'a' + '\u0301'.repeat(3000) + 'b'.repeat(1200)],
  ])('matches Intl.Segmenter on %s', (_label, text) => {
    expect(countGraphemes(text)).toBe(reference(text));
  });

  it('matches Intl.Segmenter on random mixes of the tricky code points', () => {
    const pieces = [
      'a',
      ' ',
      '\n',
      '\r',
      '\r\n',
      'e\u0301',
      '\u0301',
      '🇮',
      '🇩',
      '👩',
      '\u200d',
      '🏭',
      '🏽',
      '✊',
      '\ufe0f',
      '각',
      '\u1100',
      '\u1161',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 900, maxLength: 2600 }), (parts) => {
        const text = parts.join('');
        expect(countGraphemes(text)).toBe(reference(text));
      }),
      { numRuns: 25 },
    );
  });

  it('counts 100,000 characters of marks and letters exactly', () => {
    expect(countGraphemes('e\u0301'.repeat(50_000) + 'x'.repeat(50_000))).toBe(100_000);
  });
});
