export { AUDIT_ACTIONS, type AuditAction } from './audit-actions';
export { auditInsert, recordAudit } from './audit-events.repository';
export {
  accessActor,
  AUDIT_SUBJECTS,
  auditJson,
  AuditService,
  isAuditSubject,
  SWEEPER,
  WORKER,
  type Actor,
  type ActorKind,
  type AuditEntry,
  type AuditSubject,
} from './audit-writer';
