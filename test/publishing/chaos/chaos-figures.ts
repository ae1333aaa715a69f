import type { PrismaService } from '../../../src/core/database';
import type { WebhookContractServer } from '../../contracts/webhook/webhook-contract-server';
import type { ServerFigures, TargetAtEnd } from './chaos-mastodon';
import { latenessFigures, type KillLateness, type LatenessFigures } from './kill-lateness';

export const TERMINAL = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED'];

/** The invariants' figures for the targets of one platform, checked at that platform's server. */
export interface PlatformFigures extends ServerFigures {
  targets: number;
  byState: Record<string, number>;
  lost: number;
  ambiguousAttempts: number;
  /** Targets PUBLISHED after an ambiguous attempt: by a safe retry, or found by the look-up. */
  ambiguousPublished: number;
  ambiguousFoundByLookup: number;
  ambiguousUnconfirmed: number;
  /** Targets with an ambiguous attempt that ended anywhere but PUBLISHED or UNCONFIRMED. */
  ambiguousMisresolved: number;
}

/** What the run did to the world (counted by the harness). */
export interface ChaosActions {
  kills: number;
  redisRestarts: number;
  pgTerminations: number;
  pgConnectionsCut: number;
  faultsInjected: number;
}

export interface ChaosFigures extends ChaosActions, ServerFigures {
  targets: number;
  byState: Record<string, number>;
  lost: number;
  ambiguousAttempts: number;
  ambiguousMisresolved: number;
  byPlatform: Record<string, PlatformFigures>;
  /** How late PUBLISHED targets went out (publishedAt - due time), in seconds. */
  lateness: LatenessFigures;
  /** Of those, the next posts of accounts a kill held (kill-lateness.ts), and all the others. */
  latenessAfterKill: LatenessFigures;
  latenessOthers: LatenessFigures;
  /** Deliveries a killed worker held (each blocks its account until its lease ends). */
  heldByKills: number;
  leaseMs: number;
  seconds: number;
}

type ServerCheck = (targets: TargetAtEnd[]) => ServerFigures;

/** The idempotent WEBHOOK receiver stores each delivery under its target id. */
export function webhookCheck(receiver: WebhookContractServer): ServerCheck {
  return (targets) => {
    const posted = new Set(receiver.stored.map((post) => post.targetId));
    const twice = new Set(receiver.duplicates());
    return {
      duplicates: targets.filter((t) => twice.has(t.id)).length,
      publishedWithoutPost: targets.filter((t) => t.state === 'PUBLISHED' && !posted.has(t.id)).length,
      postedButFailed: targets.filter((t) => t.state === 'FAILED' && posted.has(t.id)).length,
    };
  };
}

const countBy = <T>(items: T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** Reads the run's targets once settled and checks each platform's at its server. */
export async function collectFigures(
  prisma: PrismaService,
  targetIds: string[],
  checks: Record<string, ServerCheck>,
  kills: KillLateness,
): Promise<Omit<ChaosFigures, keyof ChaosActions | 'leaseMs' | 'seconds'>> {
  const rows = await prisma.postTarget.findMany({
    where: { id: { in: targetIds } },
    select: {
      id: true,
      state: true,
      externalId: true,
      publishedAt: true,
      account: { select: { platform: true } },
      post: { select: { baseText: true, scheduledAt: true } },
    },
  });
  const ambiguous = await prisma.publishAttempt.groupBy({
    by: ['targetId'],
    where: { targetId: { in: targetIds }, outcome: 'AMBIGUOUS' },
    _count: true,
  });
  const ambiguousCount = new Map(ambiguous.map((a) => [a.targetId, a._count]));
  const viaLookup = await prisma.auditEvent.findMany({
    where: { action: 'target.published', subjectId: { in: targetIds }, summary: { path: ['via'], equals: 'lookup' } },
    select: { subjectId: true },
  });
  const foundByLookup = new Set(viaLookup.map((event) => event.subjectId));

  const byPlatform: Record<string, PlatformFigures> = {};
  for (const platform of new Set(rows.map((row) => row.account.platform))) {
    const mine = rows.filter((row) => row.account.platform === platform);
    const atEnd: TargetAtEnd[] = mine.map((row) => ({
      id: row.id,
      state: row.state,
      externalId: row.externalId,
      text: row.post.baseText,
    }));
    const check = checks[platform];
    if (!check) throw new Error(`no server check for ${platform}`);
    const hadAmbiguous = mine.filter((row) => ambiguousCount.has(row.id));
    byPlatform[platform] = {
      targets: mine.length,
      byState: countBy(mine, (row) => row.state),
      lost: mine.filter((row) => !TERMINAL.includes(row.state)).length,
      ...check(atEnd),
      ambiguousAttempts: mine.reduce((sum, row) => sum + (ambiguousCount.get(row.id) ?? 0), 0),
      ambiguousPublished: hadAmbiguous.filter((row) => row.state === 'PUBLISHED').length,
      ambiguousFoundByLookup: hadAmbiguous.filter((row) => row.state === 'PUBLISHED' && foundByLookup.has(row.id))
        .length,
      ambiguousUnconfirmed: hadAmbiguous.filter((row) => row.state === 'UNCONFIRMED').length,
      ambiguousMisresolved: hadAmbiguous.filter((row) => row.state !== 'PUBLISHED' && row.state !== 'UNCONFIRMED')
        .length,
    };
  }
  const platforms = Object.values(byPlatform);
  const sum = (
    field:
      'duplicates' | 'publishedWithoutPost' | 'postedButFailed' | 'ambiguousAttempts' | 'ambiguousMisresolved' | 'lost',
  ) => platforms.reduce((total, figures) => total + figures[field], 0);
  const late = rows
    .filter((row) => row.state === 'PUBLISHED' && row.publishedAt && row.post.scheduledAt)
    .map((row) => ({
      id: row.id,
      seconds: Math.max(0, row.publishedAt!.getTime() - row.post.scheduledAt!.getTime()) / 1000,
    }));
  return {
    targets: rows.length,
    byState: countBy(rows, (row) => row.state),
    lost: sum('lost'),
    duplicates: sum('duplicates'),
    publishedWithoutPost: sum('publishedWithoutPost'),
    postedButFailed: sum('postedButFailed'),
    ambiguousAttempts: sum('ambiguousAttempts'),
    ambiguousMisresolved: sum('ambiguousMisresolved'),
    byPlatform,
    lateness: latenessFigures(late.map((l) => l.seconds)),
    latenessAfterKill: latenessFigures(late.filter((l) => kills.isDelayed(l.id)).map((l) => l.seconds)),
    latenessOthers: latenessFigures(late.filter((l) => !kills.isDelayed(l.id)).map((l) => l.seconds)),
    heldByKills: kills.heldCount,
  };
}

const seconds = (figures: LatenessFigures) =>
  `p50 ${figures.p50.toFixed(1)} s, p95 ${figures.p95.toFixed(1)} s, max ${figures.max.toFixed(1)} s (${figures.count} posts)`;

export function chaosReport(figures: ChaosFigures): string {
  const lines = [
    `targets ${figures.targets}, worker kills ${figures.kills}, redis restarts ${figures.redisRestarts}, postgres cuts ${figures.pgTerminations} (${figures.pgConnectionsCut} connections), faults injected ${figures.faultsInjected}, lease ${figures.leaseMs} ms, ${figures.seconds} s`,
    `final states ${JSON.stringify(figures.byState)}; lost (not in a final state) ${figures.lost}`,
  ];
  for (const [platform, p] of Object.entries(figures.byPlatform)) {
    lines.push(
      `${platform}: ${p.targets} targets, final states ${JSON.stringify(p.byState)}, lost ${p.lost}`,
      `  duplicates at the server ${p.duplicates}; PUBLISHED without its post at the server ${p.publishedWithoutPost}; FAILED although posted ${p.postedButFailed}`,
      `  ambiguous attempts ${p.ambiguousAttempts}; targets after one: PUBLISHED ${p.ambiguousPublished} (found by the look-up ${p.ambiguousFoundByLookup}), UNCONFIRMED ${p.ambiguousUnconfirmed}, anything else ${p.ambiguousMisresolved}`,
    );
  }
  lines.push(
    `lateness of published targets: ${seconds(figures.lateness)}`,
    `  next posts of an account a kill held (${figures.heldByKills} deliveries held by killed workers): ${seconds(figures.latenessAfterKill)}`,
    `  all other posts: ${seconds(figures.latenessOthers)}`,
  );
  return lines.join('\n');
}

/** The invariants every chaos run must keep, asserted the same way by the short and the long form. */
export function expectChaosInvariants(figures: ChaosFigures): void {
  // The Postgres cuts must really cut the workers' connections, or the run proves less than it says.
  expect(figures.pgConnectionsCut).toBeGreaterThan(0);
  expect(figures.lost).toBe(0);
  expect(figures.duplicates).toBe(0);
  expect(figures.publishedWithoutPost).toBe(0);
  expect(figures.postedButFailed).toBe(0);
  expect(figures.ambiguousMisresolved).toBe(0);
}
