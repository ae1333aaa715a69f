import { Injectable } from '@nestjs/common';
import type { Prisma, Tx } from '../database';
import { recordAudit } from './audit-events.repository';

export type ActorKind = 'user' | 'api-token' | 'worker' | 'sweeper' | 'system';

export interface Actor {
  userId: string | null;
  kind: ActorKind;
}

/** The actor behind a workspace request (a user, or a user's API token). */
export function accessActor(access: { userId: string; actorKind: 'user' | 'api-token' }): {
  userId: string;
  kind: 'user' | 'api-token';
} {
  return { userId: access.userId, kind: access.actorKind };
}

/** The engine's actors: a queue worker and the sweeper act for no user. */
export const WORKER: Actor = { userId: null, kind: 'worker' };
export const SWEEPER: Actor = { userId: null, kind: 'sweeper' };

/**
 * What an audit event is about: one closed list, lower case (stored as text in AuditEvent.subjectType).
 * The audit log's API answers it as an enumeration (AuditSubject), so the web desk links and names
 * exactly these.
 */
export const AUDIT_SUBJECTS = [
  'user',
  'session',
  'api_token',
  'workspace',
  'invitation',
  'campaign',
  'partnership',
  'post',
  'target',
  'account',
  'media',
  'key_date',
  'calendar_feed',
  'notification',
  'webhook',
] as const;
export type AuditSubject = (typeof AUDIT_SUBJECTS)[number];

const SUBJECTS: ReadonlySet<string> = new Set(AUDIT_SUBJECTS);
export const isAuditSubject = (value: string): value is AuditSubject => SUBJECTS.has(value);

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

/** Injectable face of recordAudit for services. */
@Injectable()
export class AuditService {
  record(tx: Tx, entry: AuditEntry): Promise<void> {
    return recordAudit(tx, entry);
  }
}
