import { z } from 'zod';
import { AUDIT_SUBJECTS } from '../core/audit';
import { zTimestamp } from '../core/http';

export const zAuditSubject = z
  .enum(AUDIT_SUBJECTS)
  .meta({ id: 'AuditSubject', description: "What an entry is about (the audit writer's closed list)" });

const auditEventView = z
  .object({
    id: z.string(),
    workspaceId: z.string().nullable(),
    actorId: z.string().nullable(),
    actorName: z
      .string()
      .nullable()
      .meta({ description: "The acting person's name (null for the engine, or a deleted user)" }),
    actorKind: z.string().meta({ description: 'Who acted, e.g. user or api-token' }),
    action: z.string().meta({ example: 'post.approved' }),
    subjectType: zAuditSubject
      .nullable()
      .meta({ description: "What the entry is about; null only for a row outside the writer's list" }),
    subjectId: z.string().nullable(),
    postId: z
      .string()
      .nullable()
      .meta({ description: 'For an entry about a delivery (subject target): its post, so the entry can link there' }),
    summary: z.unknown().meta({ description: 'What changed (action-specific JSON)' }),
    requestId: z.string().nullable(),
    createdAt: zTimestamp,
  })
  .meta({ id: 'AuditEvent' });

export const auditPageView = z
  .object({
    events: z.array(auditEventView),
    nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }),
  })
  .meta({ id: 'AuditPage' });
