import { Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse, ZodBody, ZodQuery } from '../core/http';
import { postPageView, postView } from '../posts/post-view';
import { approveSchema } from '../posts/posts.schemas';
import { scheduledPostView } from './review-views';
import { createStatementSchema, listStatementsSchema } from './statements.schemas';
import { StatementsService } from './statements.service';

@ApiTags('statements')
@Controller('workspaces/:workspace/statements')
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Post()
  @WorkspaceRoute(Role.EDITOR)
  @ApiOperation({
    summary:
      'Write a rapid-response statement: it waits for another coordinator or admin to release it (coordinators are told at once)',
  })
  @ApiZodBody(createStatementSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(201, postView)
  create(
    @Access() access: WorkspaceAccess,
    @ZodBody(createStatementSchema) body: z.infer<typeof createStatementSchema>,
  ) {
    return this.statements.create(access, body);
  }

  @Get()
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "Statements, newest first, each with its targets' delivery states (waiting, publishing, published, held...)",
  })
  @ApiZodQuery(listStatementsSchema)
  @ApiZodResponse(200, postPageView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listStatementsSchema) query: z.infer<typeof listStatementsSchema>) {
    return this.statements.list(access, query);
  }

  @Post(':postId/release')
  @WorkspaceRoute(Role.COORDINATOR)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Release the version you read: it publishes to every target now. Never by its writer or an editor of it (403 statement_needs_second_person), whatever the self-approval setting',
  })
  @ApiZodBody(approveSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, scheduledPostView)
  release(
    @Access() access: WorkspaceAccess,
    @Param('postId') postId: string,
    @ZodBody(approveSchema) body: z.infer<typeof approveSchema>,
  ) {
    return this.statements.release(access, postId, body.version);
  }
}
