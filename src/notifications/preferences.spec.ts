import { DEFAULT_CHOICES, sendAfter } from './preferences';

describe('quiet hours', () => {
  const quiet = { ...DEFAULT_CHOICES, quietHours: { from: '22:00', until: '06:00' } };
  const jakarta = 'Asia/Jakarta';

  it('holds a review request sent at 23:30 local until 06:00 the next morning, in the user\'s zone', () => {
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
  });

  it('handles quiet hours within one day (13:00 to 14:00)', () => {
    const lunch = { ...DEFAULT_CHOICES, quietHours: { from: '13:00', until: '14:00' } };
    expect(sendAfter('POST_APPROVED', lunch, 'Asia/Jayapura', new Date('2026-11-30T04:30:00Z')).toISOString()).toBe('2026-11-30T05:00:00.000Z');
  });
});
