import type { Prisma, Tx } from '../core/database';
import { requestContext } from '../core/logging';

export interface EngineAuditEntry {
  workspaceId: string;
  /** worker, sweeper, user or system. */
  actorKind: 'worker' | 'sweeper' | 'user' | 'api-token' | 'system';
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary?: Prisma.InputJsonValue;
}

/**
 * The engine's one way to write an AuditEvent, inside the caller's transaction (the same row shape
 * as AuditService.record). Workers have no request, so the request id is set only for people's actions.
 */
export async function writeAudit(tx: Tx, entry: EngineAuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      workspaceId: entry.workspaceId,
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      summary: entry.summary ?? {},
      requestId: requestContext.requestId() ?? null,
    },
  });
}
