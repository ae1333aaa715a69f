import { DEFAULT_CHOICES, goesToDigest, nextDigestAt, sendAfter } from './preferences';

describe('quiet hours', () => {
  const quiet = { ...DEFAULT_CHOICES, quietHours: { from: '22:00', until: '06:00' } };
  const jakarta = 'Asia/Jakarta';

  it("holds a review request sent at 23:30 local until 06:00 the next morning, in the user's zone", () => {
    const now = new Date('2026-11-30T16:30:00Z'); // 23:30 WIB
    expect(sendAfter('POST_SUBMITTED', quiet, jakarta, now).toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('holds one sent at 03:00 until 06:00 the same day', () => {
    const now = new Date('2026-11-30T20:00:00Z'); // 03:00 WIB on 1 Dec
    expect(sendAfter('POST_SUBMITTED', quiet, jakarta, now).toISOString()).toBe('2026-11-30T23:00:00.000Z');
  });

  it('sends at once outside quiet hours, and a hold or failure at once inside them', () => {
    const day = new Date('2026-11-30T05:00:00Z'); // 12:00 WIB
    expect(sendAfter('POST_SUBMITTED', quiet, jakarta, day)).toBe(day);
    const night = new Date('2026-11-30T16:30:00Z');
    expect(sendAfter('WORKSPACE_HELD', quiet, jakarta, night)).toBe(night);
    expect(sendAfter('TARGET_FAILED', quiet, jakarta, night)).toBe(night);
    // A rapid-response statement waiting for release is urgent too; the approval-due-soon warning is not.
    expect(sendAfter('STATEMENT_AWAITING_RELEASE', quiet, jakarta, night)).toBe(night);
    expect(sendAfter('POST_APPROVAL_DUE_SOON', quiet, jakarta, night)).not.toBe(night);
  });

  it('handles quiet hours within one day (13:00 to 14:00)', () => {
    const lunch = { ...DEFAULT_CHOICES, quietHours: { from: '13:00', until: '14:00' } };
    expect(sendAfter('POST_APPROVED', lunch, 'Asia/Jayapura', new Date('2026-11-30T04:30:00Z')).toISOString()).toBe(
      '2026-11-30T05:00:00.000Z',
    );
  });

  it("digests only non-urgent kinds, at the next chosen hour in the user's zone (DST-aware)", () => {
    const digest = { ...DEFAULT_CHOICES, digestHour: 7 };
    expect(goesToDigest('POST_SUBMITTED', digest)).toBe(true);
    expect(
      ['TARGET_FAILED', 'WORKSPACE_HELD', 'STATEMENT_AWAITING_RELEASE'].some((kind) =>
        goesToDigest(kind as never, digest),
      ),
    ).toBe(false);
    expect(goesToDigest('POST_SUBMITTED', DEFAULT_CHOICES)).toBe(false);
    // 06:59 WIT: today 07:00 WIT; 07:00 WIT exactly: tomorrow's.
    expect(nextDigestAt(7, 'Asia/Jayapura', new Date('2026-11-29T21:59:00Z')).toISOString()).toBe(
      '2026-11-29T22:00:00.000Z',
    );
    expect(nextDigestAt(7, 'Asia/Jayapura', new Date('2026-11-29T22:00:00Z')).toISOString()).toBe(
      '2026-11-30T22:00:00.000Z',
    );
    // Brussels across the end of summer time: 07:00 local is 05:00 UTC before, 06:00 UTC after.
    expect(nextDigestAt(7, 'Europe/Brussels', new Date('2026-10-24T12:00:00Z')).toISOString()).toBe(
      '2026-10-25T06:00:00.000Z',
    );
  });
});
