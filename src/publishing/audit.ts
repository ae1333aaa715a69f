import type { Prisma, Tx } from '../core/database';
import { auditInsert, recordAudit, type AuditEntry } from '../core/audit';

export interface EngineAuditEntry {
  workspaceId: string;
  /** worker, sweeper, user or system. */
  actorKind: 'worker' | 'sweeper' | 'user' | 'api-token' | 'system';
  actorId?: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  summary?: Prisma.InputJsonObject;
}

function asAuditEntry(entry: EngineAuditEntry): AuditEntry {
  return {
    workspaceId: entry.workspaceId,
    actor: { userId: entry.actorId ?? null, kind: entry.actorKind },
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    summary: entry.summary,
  };
}

/** The engine's shorthand for the one audit writer (src/audit), inside the caller's transaction. */
export function writeAudit(tx: Tx, entry: EngineAuditEntry): Promise<void> {
  return recordAudit(tx, asAuditEntry(entry));
}

/** The same record as part of a larger statement (see auditInsert). */
export function engineAuditInsert(entry: EngineAuditEntry, onlyIf?: Prisma.Sql): Prisma.Sql {
  return auditInsert(asAuditEntry(entry), onlyIf);
}
