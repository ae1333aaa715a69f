import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { isAuditSubject } from '../core/audit';
import { Role } from '../core/database';
import { ApiErrors, ApiZodQuery, ApiZodResponse, zInstant, ZodQuery, zUuid } from '../core/http';
import { AuditRepository } from './audit.repository';
import { auditPageView } from './audit-views';

const auditQuerySchema = z
  .object({
    actorId: zUuid.optional(),
    subjectId: z.string().max(100).optional(),
    action: z
      .string()
      .regex(/^[a-z_]+(\.[a-z_]+)*(\.\*)?$/)
      .max(100)
      .optional(),
    from: zInstant.optional(),
    to: zInstant.optional(),
    before: z
      .string()
      .regex(/^\d{1,18}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

@ApiTags('audit')
@Controller('workspaces/:workspace/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary:
      'Audit log, newest first; page with ?before=<nextBefore>. Filters: who (actorId), what (action, which may end in .*, e.g. member.*; subjectId), when (from, to)',
  })
  @ApiZodQuery(auditQuerySchema)
  @ApiErrors(400)
  @ApiZodResponse(200, auditPageView)
  async list(@Access() access: WorkspaceAccess, @ZodQuery(auditQuerySchema) query: z.infer<typeof auditQuerySchema>) {
    const events = await this.audit.list(access.workspaceId, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      before: query.before !== undefined ? BigInt(query.before) : undefined,
    });
    const names = await this.audit.actorNames(events.map((event) => event.actorId));
    const posts = await this.audit.postsOfTargets(
      access.workspaceId,
      events.filter((event) => event.subjectType === 'target').map((event) => event.subjectId),
    );
    return {
      events: events.map((event) => ({
        ...event,
        id: event.id.toString(),
        // Every writer passes an AuditSubject (a migration lower-cased the older rows): null is never expected.
        subjectType: isAuditSubject(event.subjectType) ? event.subjectType : null,
        actorName: event.actorId ? (names.get(event.actorId) ?? null) : null,
        postId: event.subjectId ? (posts.get(event.subjectId) ?? null) : null,
      })),
      nextBefore: events.length === query.limit ? events[events.length - 1]!.id.toString() : null,
    };
  }
}
