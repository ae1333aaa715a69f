import { hostname } from 'node:os';
import type { PrismaService } from '../../../src/core/database';

export interface LatenessFigures {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function latenessFigures(seconds: number[]): LatenessFigures {
  const sorted = [...seconds].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 };
}

/** Pids of the local workers holding a live lease right now (owner "<host>-<pid>-<8 hex>"). */
export async function publishingPids(prisma: PrismaService): Promise<Set<number>> {
  const rows = await prisma.$queryRaw<Array<{ owner: string }>>`
    SELECT DISTINCT "leaseOwner" AS owner FROM "PostTarget" WHERE state = 'PUBLISHING' AND "leaseExpiresAt" > now() AND "leaseOwner" LIKE ${`${hostname()}-%`}`;
  return new Set(rows.flatMap((row) => /-(\d+)-[0-9a-f]{8}$/.exec(row.owner)?.slice(1).map(Number) ?? []));
}

/**
 * Which deliveries a kill can make late: right after a SIGKILL, the deliveries the dead worker held
 * (PUBLISHING under its lease, owner "<host>-<pid>-...", see PublishEngine.workerId) block their
 * accounts until the lease ends, so the accounts' next posts, the ones due before that, wait. Their
 * lateness against the other posts' is the extra lateness a kill costs (issue 16, item 3). Only
 * posts due within one lease before the kill count as waiting behind it: older ones wait for
 * another reason (a backlog), which the other posts' figure shows.
 */
export class KillLateness {
  private readonly delayed = new Set<string>();
  private readonly held = new Set<string>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly leaseMs: number,
  ) {}

  async afterKill(pid: number): Promise<void> {
    const owner = `${hostname()}-${pid}-%`;
    const held = await this.prisma.$queryRaw<Array<{ id: string; accountId: string }>>`
      SELECT id::text, "accountId"::text FROM "PostTarget" WHERE state = 'PUBLISHING' AND "leaseOwner" LIKE ${owner}`;
    if (held.length === 0) return;
    for (const target of held) this.held.add(target.id);
    const next = await this.prisma.postTarget.findMany({
      where: {
        accountId: { in: held.map((t) => t.accountId) },
        state: 'SCHEDULED',
        dueAt: { gte: new Date(Date.now() - this.leaseMs), lte: new Date(Date.now() + this.leaseMs) },
      },
      select: { id: true },
    });
    for (const target of next) if (!this.held.has(target.id)) this.delayed.add(target.id);
  }

  /** Targets a kill held (the killed publish itself), and their accounts' next posts. */
  get heldCount(): number {
    return this.held.size;
  }

  isDelayed(targetId: string): boolean {
    return this.delayed.has(targetId);
  }
}
