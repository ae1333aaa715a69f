export { auditInsert, recordAudit } from './audit-events.repository';
export {
  accessActor,
  auditJson,
  AuditService,
  SWEEPER,
  WORKER,
  type Actor,
  type ActorKind,
  type AuditEntry,
  type AuditSubject,
} from './audit-writer';
