import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  bestTime,
  describe as describeHour,
  type EngagedPost,
  hourFigures,
  MIN_HISTORY_POSTS,
  PRIOR_POSTS,
} from './best-time';

const ZONE = 'Asia/Jayapura';
/** A post at an ISO weekday and hour of a week in November 2026, in the zone. */
const at = (weekday: number, hour: number, engagement: number, week = 0): EngagedPost => ({
  publishedAt: DateTime.fromObject(
    { year: 2026, month: 11, day: 2 + (weekday - 1) + week * 7, hour },
    { zone: ZONE },
  ).toJSDate(),
  engagement,
});
const figure = (posts: EngagedPost[], weekday: number, hour: number) =>
  hourFigures(posts, ZONE).hours[(weekday - 1) * 24 + hour]!;

describe('best time to post', () => {
  it("buckets posts by hour of the week in the account's zone, not in UTC", () => {
    // 19:00 WIT on Tuesday is 10:00 UTC.
    const posts = [at(2, 19, 10)];
    expect(posts[0]!.publishedAt.toISOString()).toBe('2026-11-03T10:00:00.000Z');
    expect(figure(posts, 2, 19).posts).toBe(1);
    expect(figure(posts, 2, 10).posts).toBe(0);
  });

  it('shrinks an hour toward the account mean with K imaginary average posts', () => {
    const posts = [at(1, 9, 10), at(1, 9, 10), at(3, 20, 40)];
    const mean = 20;
    expect(figure(posts, 3, 20).estimate).toBeCloseTo((40 + PRIOR_POSTS * mean) / (1 + PRIOR_POSTS));
    expect(figure(posts, 5, 5)).toMatchObject({ posts: 0, estimate: mean, ratio: 1 });
  });

  it('with too little history says so and suggests nothing', () => {
    const result = bestTime([at(2, 19, 50), at(2, 19, 60), at(2, 19, 70), at(1, 8, 1)], ZONE);
    expect(result.enoughHistory).toBe(false);
    expect(result.suggestions).toEqual([]);
    expect(result.summary.id).toContain('Riwayat belum cukup');
    expect(result.summary.en).toContain(`at least ${MIN_HISTORY_POSTS}`);
  });

  it('suggests the strong hours backed by enough posts, in words and as posting slots', () => {
    const posts: EngagedPost[] = [];
    for (let week = 0; week < 14; week++) posts.push(at(2, 19, 90, week % 4));
    for (let week = 0; week < 16; week++) posts.push(at(4, 8, 20, week % 4));
    posts.push(at(6, 3, 500)); // one lucky post: too few behind it to be suggested
    const result = bestTime(posts, ZONE);
    expect(result.enoughHistory).toBe(true);
    expect(result.suggestions.map((s) => s.slot)).toEqual([{ weekday: 2, time: '19:00' }]);
    const [best] = result.suggestions;
    expect(best!.posts).toBe(14);
    expect(best!.words.id).toMatch(/^Selasa 19\.00 WIT: \d+,\dx rata-rata akun, dari 14 posting$/);
    expect(best!.words.en).toMatch(/^Tuesday 19:00 WIT: \d+\.\dx the account average, from 14 posts$/);
  });

  it("writes the issue's example exactly", () => {
    expect(describeHour({ weekday: 2, hour: 19, ratio: 2.1, posts: 14 }, 'Asia/Jayapura').id).toBe(
      'Selasa 19.00 WIT: 2,1x rata-rata akun, dari 14 posting',
    );
    expect(describeHour({ weekday: 1, hour: 7, ratio: 1.25, posts: 3 }, 'Asia/Makassar').id).toBe(
      'Senin 07.00 WITA: 1,3x rata-rata akun, dari 3 posting',
    );
  });

  const postArb = fc.record({
    weekday: fc.integer({ min: 1, max: 7 }),
    hour: fc.integer({ min: 0, max: 23 }),
    engagement: fc.integer({ min: 0, max: 1000 }),
    week: fc.integer({ min: 0, max: 8 }),
  });
  const historyArb = fc
    .array(postArb, { maxLength: 80 })
    .map((list) => list.map((p) => at(p.weekday, p.hour, p.engagement, p.week)));

  it("property: another post at an hour, with engagement at least the best post so far, never lowers that hour's rank", () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 500 }),
        (posts, weekday, hour, extra) => {
          const best = Math.max(0, ...posts.map((p) => p.engagement));
          const before = figure(posts, weekday, hour).rank;
          const after = figure([...posts, at(weekday, hour, best + extra)], weekday, hour).rank;
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: an hour with few posts stays near the account mean (within n/(n+K) of its own distance)', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 23 }),
        (posts, weekday, hour) => {
          const { accountMean, hours } = hourFigures(posts, ZONE);
          const cell = hours[(weekday - 1) * 24 + hour]!;
          if (cell.posts > 2) return;
          const widest = Math.max(0, ...posts.map((p) => Math.abs(p.engagement - accountMean)));
          expect(Math.abs(cell.estimate - accountMean)).toBeLessThanOrEqual(
            (cell.posts / (cell.posts + PRIOR_POSTS)) * widest + 1e-9,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
