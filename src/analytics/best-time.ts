import { DateTime } from 'luxon';
import type { PostingSlot } from '../calendar/posting-slots';

/**
 * Best time to post from an account's own history (docs/analytics.md, "Best time"). Pure: the
 * service feeds it each published post's latest engagement; every branch is unit- and property-tested.
 *
 * Shrinkage: an hour of the week with n posts summing S is estimated as (S + K·m) / (n + K), where m
 * is the account's mean engagement per post and K = PRIOR_POSTS. It is the hour's own mean with K
 * imaginary posts at the account's mean added: one lucky post moves its hour a sixth of the way,
 * twenty posts speak mostly for themselves.
 */
export const PRIOR_POSTS = 5;
/** Below this many posts with counts the account's history backs no suggestion. */
export const MIN_HISTORY_POSTS = 20;
/** A suggested hour has at least this many posts of its own behind it. */
const MIN_POSTS_PER_SUGGESTION = 3;
/** ...and beats the account's mean by at least this factor. */
const MIN_SUGGESTION_RATIO = 1.1;
const MAX_SUGGESTIONS = 3;

export interface EngagedPost {
  publishedAt: Date;
  engagement: number;
}

export interface HourFigure {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  posts: number;
  /** The shrunk estimate of engagement per post. */
  estimate: number;
  /** estimate / account mean (1 when the mean is 0). */
  ratio: number;
  /** 1 = best; hours with the same estimate share a rank. */
  rank: number;
}

export interface Suggestion extends HourFigure {
  slot: PostingSlot;
  words: { id: string; en: string };
}

export interface BestTime {
  zone: string;
  posts: number;
  accountMean: number;
  enoughHistory: boolean;
  hours: HourFigure[];
  suggestions: Suggestion[];
  summary: { id: string; en: string };
}

const DAYS_ID = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const DAYS_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Indonesia's own zone names; elsewhere luxon's short offset name. */
const ZONE_NAMES: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/** The 168 hours of the week, each with its shrunk estimate, rank and number of posts. */
export function hourFigures(posts: readonly EngagedPost[], zone: string): { accountMean: number; hours: HourFigure[] } {
  const sums = new Array<number>(168).fill(0);
  const counts = new Array<number>(168).fill(0);
  for (const post of posts) {
    const local = DateTime.fromJSDate(post.publishedAt, { zone });
    const index = (local.weekday - 1) * 24 + local.hour;
    sums[index]! += post.engagement;
    counts[index]! += 1;
  }
  const total = sums.reduce((a, b) => a + b, 0);
  const accountMean = posts.length ? total / posts.length : 0;
  const estimates = sums.map((sum, index) => (sum + PRIOR_POSTS * accountMean) / (counts[index]! + PRIOR_POSTS));
  const hours = estimates.map((estimate, index) => ({
    weekday: Math.floor(index / 24) + 1,
    hour: index % 24,
    posts: counts[index]!,
    estimate,
    ratio: accountMean > 0 ? estimate / accountMean : 1,
    rank: 1 + estimates.filter((other) => other > estimate).length,
  }));
  return { accountMean, hours };
}

export function bestTime(posts: readonly EngagedPost[], zone: string): BestTime {
  const { accountMean, hours } = hourFigures(posts, zone);
  const enoughHistory = posts.length >= MIN_HISTORY_POSTS && accountMean > 0;
  const suggestions = enoughHistory
    ? hours
        .filter((hour) => hour.posts >= MIN_POSTS_PER_SUGGESTION && hour.ratio >= MIN_SUGGESTION_RATIO)
        .sort((a, b) => a.rank - b.rank || b.posts - a.posts)
        .slice(0, MAX_SUGGESTIONS)
        .map((hour) => ({
          ...hour,
          slot: { weekday: hour.weekday, time: `${String(hour.hour).padStart(2, '0')}:00` },
          words: describe(hour, zone),
        }))
    : [];
  return {
    zone,
    posts: posts.length,
    accountMean,
    enoughHistory,
    hours,
    suggestions,
    summary: summarise(posts.length, enoughHistory, suggestions.length),
  };
}

/** "Selasa 19.00 WIT: 2,1x rata-rata akun, dari 14 posting". */
export function describe(
  hour: Pick<HourFigure, 'weekday' | 'hour' | 'ratio' | 'posts'>,
  zone: string,
): { id: string; en: string } {
  const zoneName = ZONE_NAMES[zone] ?? DateTime.now().setZone(zone).offsetNameShort ?? zone;
  const hh = String(hour.hour).padStart(2, '0');
  const ratio = hour.ratio.toFixed(1);
  return {
    id: `${DAYS_ID[hour.weekday - 1]} ${hh}.00 ${zoneName}: ${ratio.replace('.', ',')}x rata-rata akun, dari ${hour.posts} posting`,
    en: `${DAYS_EN[hour.weekday - 1]} ${hh}:00 ${zoneName}: ${ratio}x the account average, from ${hour.posts} post${hour.posts === 1 ? '' : 's'}`,
  };
}

function summarise(posts: number, enough: boolean, suggestions: number): { id: string; en: string } {
  if (!enough) {
    return {
      id: `Riwayat belum cukup: ${posts} posting dengan angka, perlu setidaknya ${MIN_HISTORY_POSTS}. Belum ada saran waktu.`,
      en: `Not enough history: ${posts} posts with counts, at least ${MIN_HISTORY_POSTS} are needed. No time is suggested yet.`,
    };
  }
  if (suggestions === 0) {
    return {
      id: `Dari ${posts} posting, belum ada jam yang jelas lebih baik dari rata-rata akun.`,
      en: `From ${posts} posts, no hour is clearly better than the account average yet.`,
    };
  }
  return {
    id: `Dari ${posts} posting, ${suggestions} waktu terbaik:`,
    en: `From ${posts} posts, the ${suggestions} best times:`,
  };
}
