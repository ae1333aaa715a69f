import { Prisma, type Tx } from '../database';
import { requestContext } from '../logging';
import type { AuditEntry } from './audit-writer';

/**
 * The one writer of AuditEvents, inside the caller's transaction so a change and its record land
 * together. The request id links the row to the request's log lines (absent for workers).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  // Raw SQL: the same INSERT serves statements that write a change and its record together (auditInsert).
  await tx.$executeRaw(auditInsert(entry));
}

/**
 * The AuditEvent row as one INSERT, for recordAudit and for statements that write a change and
 * its record in one round trip (the engine's outcome). `onlyIf` is a query: no row, no record.
 */
export function auditInsert(entry: AuditEntry, onlyIf?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditEvent" ("workspaceId", "actorId", "actorKind", action, "subjectType", "subjectId", summary, "requestId")
    SELECT ${entry.workspaceId}::uuid, ${entry.actor.userId}::uuid, ${entry.actor.kind}, ${entry.action}, ${entry.subjectType},
           ${entry.subjectId}, ${JSON.stringify(entry.summary ?? {})}::jsonb, ${requestContext.requestId() ?? null}
    ${onlyIf ? Prisma.sql`WHERE EXISTS (${onlyIf})` : Prisma.empty}`;
}
