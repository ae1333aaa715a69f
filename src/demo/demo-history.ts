import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Platform, Prisma } from '../core/database';
import { summarise } from '../publishers/post-metrics';
import { DemoRepository } from './demo.repository';

/** How far back the demo's published history reaches. */
const HISTORY_DAYS = 100;

interface HistoryOwner {
  workspaceId: string;
  authorId: string;
  approverId: string;
  slug: string;
  /** An active channel without a metrics reader (the demo webhook): its deliveries show "not available". */
  webhookId: string;
  platform: Platform;
  /** The hours (ISO weekday, hour in WIB) this account's audience answers best, so best time has something real to find. */
  strongHours: Array<{ weekday: number; hour: number; factor: number }>;
}

const TEXTS = [
  'Upah layak adalah hak setiap pekerja. #TolakUpahMurah',
  'Buruh bersatu dari Sabang sampai Merauke! #BuruhBersatu',
  'Rapat akbar serikat pekerja minggu ini, datang dan bersuara.',
  'Laporan dari lapangan: perundingan upah sektoral berlanjut. #TolakUpahMurah',
  'Solidaritas untuk kawan-kawan yang di-PHK sepihak. #BuruhBersatu',
  'Pengawasan ketenagakerjaan harus diperkuat di setiap provinsi.',
];
const POSTING_HOURS = [7, 9, 12, 15, 19, 21];

/**
 * A few months of published deliveries with +1 h, +24 h and +7 d snapshots for the demo accounts,
 * so the analytics pages show something on first start. The accounts are DISABLED demo channels:
 * the snapshot planner reads only ACTIVE accounts, so nothing here ever calls a platform.
 * Deterministic (a fixed pseudo-random sequence), so the demo looks the same every time.
 * Posts published during the previous campaign's dates belong to it (a campaign report compares
 * with it), and the first workspace gets two posts whose pages show counts over time, "not
 * available" and "deleted" (seedCountsShowcase).
 */
export async function seedDemoHistory(
  tx: Prisma.TransactionClient,
  owners: Array<Omit<HistoryOwner, 'strongHours' | 'platform'>>,
  /** The joint campaign, and the first workspace's own previous campaign (the others are not its partners). */
  campaigns: { current: string; previous: { id: string; from: DateTime; to: DateTime } },
  now: DateTime,
): Promise<void> {
  const demo = new DemoRepository(tx);
  const random = sequence(20_261_130);
  const platforms: Platform[] = ['MASTODON', 'BLUESKY'];
  const strong = [
    [
      { weekday: 2, hour: 19, factor: 2.1 },
      { weekday: 4, hour: 12, factor: 1.6 },
    ],
    [
      { weekday: 3, hour: 19, factor: 1.9 },
      { weekday: 6, hour: 9, factor: 1.5 },
    ],
  ];
  for (const [index, base] of owners.entries()) {
    const owner: HistoryOwner = { ...base, platform: platforms[index % 2]!, strongHours: strong[index % 2]! };
    const account = await demo.createAccount(owner.workspaceId, {
      platform: owner.platform,
      displayName: `${owner.slug.toUpperCase()} ${owner.platform === 'MASTODON' ? 'Mastodon' : 'Bluesky'} (riwayat demo)`,
      handle: `@${owner.slug}`,
      status: 'DISABLED',
      statusReason: 'Demo history only: not connected to a platform',
    });
    const posts: Prisma.PostCreateManyInput[] = [];
    const targets: Prisma.PostTargetCreateManyInput[] = [];
    const snapshots: Prisma.MetricSnapshotCreateManyInput[] = [];
    for (let day = HISTORY_DAYS; day >= 1; day--) {
      for (const hour of POSTING_HOURS) {
        if (random() > 0.3) continue;
        const at = now
          .setZone('Asia/Jakarta')
          .minus({ days: day })
          .set({ hour, minute: Math.floor(random() * 50), second: 0, millisecond: 0 });
        const factor = owner.strongHours.find((s) => s.weekday === at.weekday && s.hour === hour)?.factor ?? 1;
        const engagement = Math.round(20 * factor * (0.6 + 0.8 * random()));
        const postId = randomUUID();
        const targetId = randomUUID();
        const late = random() < 0.08 ? Math.round(120 + random() * 1800) : null;
        const text = TEXTS[Math.floor(random() * TEXTS.length)]!;
        const publishedAt = at.plus({ seconds: late ?? 2 }).toJSDate();
        const inPrevious = index === 0 && at >= campaigns.previous.from && at < campaigns.previous.to;
        const campaignId = inPrevious ? campaigns.previous.id : campaigns.current;
        posts.push({
          id: postId,
          workspaceId: owner.workspaceId,
          campaignId: random() < 0.6 ? campaignId : null,
          authorId: owner.authorId,
          baseText: text,
          scheduledAt: at.toJSDate(),
          scheduleZone: 'Asia/Jakarta',
          status: 'APPROVED',
          approvedVersion: 1,
          approvedById: owner.approverId,
          approvedAt: at.minus({ hours: 3 }).toJSDate(),
        });
        targets.push({
          id: targetId,
          postId,
          workspaceId: owner.workspaceId,
          accountId: account.id,
          state: 'PUBLISHED',
          externalId: `demo-${targetId}`,
          publishedAt,
          lateSeconds: late,
        });
        for (const [stage, afterHours, share] of [
          ['H1', 1, 0.35],
          ['H24', 24, 0.85],
          ['D7', 168, 1],
        ] as const) {
          const takenAt = DateTime.fromJSDate(publishedAt).plus({ hours: afterHours });
          if (takenAt > now) continue;
          const total = Math.round(engagement * share);
          const counts = {
            likes: Math.round(total * 0.6),
            reposts: Math.round(total * 0.25),
            replies: total - Math.round(total * 0.6) - Math.round(total * 0.25),
          };
          snapshots.push({
            targetId,
            workspaceId: owner.workspaceId,
            accountId: account.id,
            stage,
            takenAt: takenAt.toJSDate(),
            state: 'OK',
            counts,
            ...summarise(counts),
          });
        }
      }
    }
    if (index === 0) seedCountsShowcase(owner, account.id, now, { posts, targets, snapshots });
    await demo.createHistory({ posts, targets, snapshots });
  }
}

/** The demo posts whose pages show counts over time: SHOWCASE_TEXTS names them for the guides and the browser tests. */
export const SHOWCASE_TEXTS = {
  counts: 'Contoh angka: posting ini terbit ke dua kanal. Upah layak adalah hak setiap pekerja. #TolakUpahMurah',
  deleted: 'Contoh angka: posting ini kemudian dihapus di platform. #BuruhBersatu',
};

/**
 * Two published posts, ten days ago: one to the history account (counts at +1 h, +24 h, +7 d) and
 * the demo webhook (a channel that gives no counts: "not available"), one whose remote post was
 * deleted after its first day ("deleted", never 0). The webhook's stages are all taken, so the
 * planner never reads it.
 */
function seedCountsShowcase(
  owner: HistoryOwner,
  historyAccountId: string,
  now: DateTime,
  rows: {
    posts: Prisma.PostCreateManyInput[];
    targets: Prisma.PostTargetCreateManyInput[];
    snapshots: Prisma.MetricSnapshotCreateManyInput[];
  },
): void {
  const at = now.setZone('Asia/Jakarta').minus({ days: 10 }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  const publish = (postId: string, accountId: string): string => {
    const targetId = randomUUID();
    rows.targets.push({
      id: targetId,
      postId,
      workspaceId: owner.workspaceId,
      accountId,
      state: 'PUBLISHED',
      externalId: `demo-${targetId}`,
      publishedAt: at.plus({ seconds: 2 }).toJSDate(),
    });
    return targetId;
  };
  const snapshot = (
    targetId: string,
    accountId: string,
    stage: 'H1' | 'H24' | 'D7',
    state: 'OK' | 'NOT_AVAILABLE' | 'DELETED',
    counts: Record<string, number> = {},
  ) => {
    const takenAt = at.plus({ hours: { H1: 1, H24: 24, D7: 168 }[stage], minutes: 1 }).toJSDate();
    rows.snapshots.push({
      targetId,
      workspaceId: owner.workspaceId,
      accountId,
      stage,
      takenAt,
      state,
      counts,
      ...(state === 'OK' ? summarise(counts) : {}),
    });
  };
  const [counted, gone] = [SHOWCASE_TEXTS.counts, SHOWCASE_TEXTS.deleted].map((baseText) => {
    const id = randomUUID();
    rows.posts.push({
      id,
      workspaceId: owner.workspaceId,
      authorId: owner.authorId,
      baseText,
      scheduledAt: at.toJSDate(),
      scheduleZone: 'Asia/Jakarta',
      status: 'APPROVED',
      approvedVersion: 1,
      approvedById: owner.approverId,
      approvedAt: at.minus({ hours: 3 }).toJSDate(),
    });
    return id;
  }) as [string, string];
  const history = publish(counted, historyAccountId);
  snapshot(history, historyAccountId, 'H1', 'OK', { likes: 12, reposts: 4, replies: 2 });
  snapshot(history, historyAccountId, 'H24', 'OK', { likes: 41, reposts: 15, replies: 7 });
  snapshot(history, historyAccountId, 'D7', 'OK', { likes: 58, reposts: 19, replies: 9 });
  const webhook = publish(counted, owner.webhookId);
  for (const stage of ['H1', 'H24', 'D7'] as const) snapshot(webhook, owner.webhookId, stage, 'NOT_AVAILABLE');
  const deleted = publish(gone, historyAccountId);
  snapshot(deleted, historyAccountId, 'H1', 'OK', { likes: 6, reposts: 1, replies: 0 });
  snapshot(deleted, historyAccountId, 'H24', 'DELETED');
  snapshot(deleted, historyAccountId, 'D7', 'DELETED');
}

/** A small deterministic pseudo-random sequence in [0, 1) (mulberry32). */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
