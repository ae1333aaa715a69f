import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database';

export interface AuditQuery {
  actorId?: string;
  subjectId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: return events older than this id. */
  before?: bigint;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class AuditRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first, keyset-paginated on the id (indexed with the workspace). */
  list(workspaceId: string, query: AuditQuery) {
    return this.prisma.auditEvent.findMany({
      where: {
        workspaceId,
        actorId: query.actorId,
        subjectId: query.subjectId,
        action: query.action?.endsWith('.*') ? { startsWith: query.action.slice(0, -1) } : query.action,
        createdAt: { gte: query.from, lt: query.to },
        id: query.before !== undefined ? { lt: query.before } : undefined,
      },
      orderBy: { id: 'desc' },
      take: query.limit,
    });
  }

  /** The post of each delivery an entry is about (engine entries name only the delivery). */
  async postsOfTargets(workspaceId: string, subjectIds: Array<string | null>): Promise<Map<string, string>> {
    const ids = [...new Set(subjectIds.filter((id): id is string => id !== null && UUID.test(id)))];
    if (ids.length === 0) return new Map();
    const targets = await this.prisma.postTarget.findMany({
      where: { workspaceId, id: { in: ids } },
      select: { id: true, postId: true },
    });
    return new Map(targets.map((target) => [target.id, target.postId]));
  }

  /** The names of the people behind `actorIds` (members or not, any more): the log says who, not an id. */
  async actorNames(actorIds: Array<string | null>): Promise<Map<string, string>> {
    const ids = [...new Set(actorIds.filter((id): id is string => id !== null))];
    if (ids.length === 0) return new Map();
    const users = await this.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    return new Map(users.map((user) => [user.id, user.name]));
  }
}
