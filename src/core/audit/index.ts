export {
  accessActor,
  auditInsert,
  auditJson,
  AuditService,
  recordAudit,
  SWEEPER,
  WORKER,
  type Actor,
  type ActorKind,
  type AuditEntry,
  type AuditSubject,
} from './audit-writer';
