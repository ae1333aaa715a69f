import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Role } from '../core/database';
import { ApiErrors, ApiNoContent, ApiZodBody, ApiZodResponse, ZodBody, zRole } from '../core/http';
import { ApiTokensService } from './api-tokens.service';
import type { WorkspaceAccess } from './auth-context';
import { Access, WorkspaceRoute } from './decorators';
import { apiTokenCreatedView, apiTokenListView } from './auth-views';

const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    roleCap: zRole,
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();

// Managing tokens is account administration: a token cannot mint, list or revoke tokens.
@ApiTags('api tokens')
@Controller('workspaces/:workspace/api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @ApiOperation({ summary: 'Create a personal API token for this workspace (the token is shown only once)' })
  @ApiZodBody(createTokenSchema)
  @ApiErrors(400)
  @ApiZodResponse(201, apiTokenCreatedView)
  create(@Access() access: WorkspaceAccess, @ZodBody(createTokenSchema) body: z.infer<typeof createTokenSchema>) {
    return this.tokens.create(access, body);
  }

  @Get()
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @ApiOperation({ summary: 'My live API tokens in this workspace' })
  @ApiZodResponse(200, apiTokenListView)
  list(@Access() access: WorkspaceAccess) {
    return this.tokens.list(access);
  }

  @Delete(':tokenId')
  @WorkspaceRoute(Role.VIEWER, { apiTokens: false })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke one of my API tokens' })
  @ApiNoContent()
  @ApiErrors(404)
  async revoke(@Access() access: WorkspaceAccess, @Param('tokenId') tokenId: string) {
    await this.tokens.revoke(access, tokenId);
  }
}
