export { accessActor, auditInsert, auditJson, AuditService, recordAudit, type Actor, type ActorKind, type AuditEntry } from './audit-writer';
