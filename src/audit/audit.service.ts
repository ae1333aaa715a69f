// The audit writer lives in src/core/audit (below auth, which writes audit events). This name stays
// only for src/notifications, reworked in parallel; import from core/audit and delete this file.
export { accessActor, AuditService } from '../core/audit';
