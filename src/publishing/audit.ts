import type { Prisma, Tx } from '../core/database';

export interface EngineAuditEntry {
  workspaceId: string;
  /** worker, sweeper, user or system. */
  actorKind: 'worker' | 'sweeper' | 'user' | 'system';
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary?: Prisma.InputJsonValue;
}

/**
 * The engine's one way to write an AuditEvent, inside the caller's transaction. Kept as a single
 * function so the application's AuditService can replace it without touching the engine.
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
    },
  });
}
