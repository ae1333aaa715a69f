import { Controller, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { ApiErrors, ApiZodBody, ApiZodQuery, ApiZodResponse, ZodBody, ZodQuery } from '../core/http';
import { credentialsFormSchema, listAccountsSchema, nextSlotSchema, updateAccountSchema } from './accounts.schemas';
import { AccountsService } from './accounts.service';
import {
  accountConnectedView,
  accountDisconnectedView,
  accountListView,
  accountView,
  nextSlotView,
  rateBudgetListView,
} from './account-view';
import { pendingDeliveriesView } from '../publishing';

@ApiTags('accounts')
@Controller('workspaces/:workspace/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'Connected accounts (never their credentials); ?include=all adds disconnected ones' })
  @ApiZodQuery(listAccountsSchema)
  @ApiZodResponse(200, accountListView)
  list(@Access() access: WorkspaceAccess, @ZodQuery(listAccountsSchema) query: z.infer<typeof listAccountsSchema>) {
    return this.accounts.list(access, query.include);
  }

  @Post()
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary:
      'Connect an account with a credential form (Telegram, Bluesky, WordPress, Mastodon token, webhook, feed); verified with the platform first',
  })
  @ApiZodBody(credentialsFormSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(201, accountConnectedView)
  connect(
    @Access() access: WorkspaceAccess,
    @ZodBody(credentialsFormSchema) body: z.infer<typeof credentialsFormSchema>,
  ) {
    return this.accounts.connect(access, body);
  }

  // Before ':accountId', which would otherwise take this path.
  @Get('rate-budgets')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      'The rate budget left today on each account whose platform has one (Instagram 50, Threads 250 per 24 h), as the publishing engine counts it',
  })
  @ApiZodResponse(200, rateBudgetListView)
  rateBudgets(@Access() access: WorkspaceAccess) {
    return this.accounts.rateBudgets(access);
  }

  @Get(':accountId')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({ summary: 'One connected account (never its credentials)' })
  @ApiZodResponse(200, accountView)
  get(@Access() access: WorkspaceAccess, @Param('accountId') accountId: string) {
    return this.accounts.get(access, accountId);
  }

  @Patch(':accountId')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary:
      'Rename or set posting slots; a new base URL only for an account without credentials (otherwise reconnect)',
  })
  @ApiZodBody(updateAccountSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, accountView)
  update(
    @Access() access: WorkspaceAccess,
    @Param('accountId') accountId: string,
    @ZodBody(updateAccountSchema) body: z.infer<typeof updateAccountSchema>,
  ) {
    return this.accounts.update(access, accountId, body);
  }

  @Post(':accountId/reconnect')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'New credentials for the same account (verified); parked deliveries resume' })
  @ApiZodBody(credentialsFormSchema)
  @ApiErrors(400, 409, 422)
  @ApiZodResponse(200, accountConnectedView)
  reconnect(
    @Access() access: WorkspaceAccess,
    @Param('accountId') accountId: string,
    @ZodBody(credentialsFormSchema) body: z.infer<typeof credentialsFormSchema>,
  ) {
    return this.accounts.reconnect(access, accountId, body);
  }

  @Post(':accountId/disconnect')
  @WorkspaceRoute(Role.ADMIN)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disconnect: credentials wiped, deliveries not yet made cancelled' })
  @ApiErrors(409)
  @ApiZodResponse(200, accountDisconnectedView)
  disconnect(@Access() access: WorkspaceAccess, @Param('accountId') accountId: string) {
    return this.accounts.disconnect(access, accountId);
  }

  @Get(':accountId/pending-deliveries')
  @WorkspaceRoute(Role.ADMIN)
  @ApiOperation({
    summary: 'The deliveries not yet made (pending, scheduled, held) that a disconnect would cancel, soonest first',
  })
  @ApiZodResponse(200, pendingDeliveriesView)
  pendingDeliveries(@Access() access: WorkspaceAccess, @Param('accountId') accountId: string) {
    return this.accounts.pendingDeliveries(access, accountId);
  }

  @Get(':accountId/next-slot')
  @WorkspaceRoute(Role.VIEWER)
  @ApiOperation({
    summary:
      "The account's next free posting slots (?count=, up to 10) after ?after= (default now), in UTC and shown in ?zone= (default the workspace zone)",
  })
  @ApiZodQuery(nextSlotSchema)
  @ApiErrors(400, 422)
  @ApiZodResponse(200, nextSlotView)
  nextSlot(
    @Access() access: WorkspaceAccess,
    @Param('accountId') accountId: string,
    @ZodQuery(nextSlotSchema) query: z.infer<typeof nextSlotSchema>,
  ) {
    return this.accounts.nextSlot(access, accountId, query);
  }
}
