import { z } from 'zod';
import { zTimestamp } from '../core/http';

export const auditEventView = z
  .object({
    id: z.string(),
    workspaceId: z.string().nullable(),
    actorId: z.string().nullable(),
    actorKind: z.string().meta({ description: "Who acted, e.g. user or api-token" }),
    action: z.string().meta({ example: 'post.approved' }),
    subjectType: z.string(),
    subjectId: z.string().nullable(),
    summary: z.unknown().meta({ description: 'What changed (action-specific JSON)' }),
    requestId: z.string().nullable(),
    createdAt: zTimestamp,
  })
  .meta({ id: 'AuditEvent' });

export const auditPageView = z
  .object({ events: z.array(auditEventView), nextBefore: z.string().nullable().meta({ description: 'Pass as ?before= for the next page' }) })
  .meta({ id: 'AuditPage' });
