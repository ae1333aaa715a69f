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
}
