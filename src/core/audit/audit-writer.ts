import { Injectable } from '@nestjs/common';
import { Prisma, type Tx } from '../database';
import { requestContext } from '../logging';

export type ActorKind = 'user' | 'api-token' | 'worker' | 'sweeper' | 'system';

export interface Actor {
  userId: string | null;
  kind: ActorKind;
}

/** The actor behind a workspace request (a user, or a user's API token). */
export function accessActor(access: { userId: string; actorKind: 'user' | 'api-token' }): { userId: string; kind: 'user' | 'api-token' } {
  return { userId: access.userId, kind: access.actorKind };
}

/** The engine's actors: a queue worker and the sweeper act for no user. */
export const WORKER: Actor = { userId: null, kind: 'worker' };
export const SWEEPER: Actor = { userId: null, kind: 'sweeper' };

/** What an audit event is about: one closed list, lower case (stored as text in AuditEvent.subjectType). */
export type AuditSubject =
  | 'user'
  | 'session'
  | 'api_token'
  | 'workspace'
  | 'invitation'
  | 'campaign'
  | 'partnership'
  | 'post'
  | 'target'
  | 'account'
  | 'media'
  | 'key_date'
  | 'calendar_feed'
  | 'notification'
  | 'webhook';

export interface AuditEntry {
  workspaceId: string | null;
  actor: Actor;
  /** dotted verb, e.g. "member.role_changed", "post.approved" */
  action: string;
  subjectType: AuditSubject;
  subjectId: string | null;
  /** A short before/after summary; never secrets. */
  summary?: Prisma.InputJsonObject;
}

/** A plain JSON copy of a value for an audit summary (dates become ISO strings). */
export function auditJson(value: object): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}

/**
 * The one writer of AuditEvents, inside the caller's transaction so a change and its record land
 * together. The request id links the row to the request's log lines (absent for workers).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
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

/** Injectable face of recordAudit for services. */
@Injectable()
export class AuditService {
  record(tx: Tx, entry: AuditEntry): Promise<void> {
    return recordAudit(tx, entry);
  }
}
