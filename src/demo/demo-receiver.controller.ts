import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import type { WorkspaceAccess } from '../auth/auth-context';
import { Access, WorkspaceRoute } from '../auth/decorators';
import { Role } from '../core/database';
import { SIGNATURE_HEADER } from '../core/crypto/webhook-signature';
import { type DeliveryClaim, DemoReceiverService } from './demo-receiver.service';

/**
 * Development only, with the demo data: the receiving end of the demo's WEBHOOK channels, so
 * `npm start` publishes for real without a third party. Receives signed deliveries (answering a
 * repeated Idempotency-Key with the first, as a well-behaved receiver does) and lists, to a
 * workspace's members, that workspace's deliveries only.
 */
@ApiExcludeController()
@Controller()
export class DemoReceiverController {
  constructor(private readonly receiver: DemoReceiverService) {}

  @Post('demo/webhook-receiver')
  @HttpCode(HttpStatus.OK)
  receive(@Req() req: Request, @Headers('idempotency-key') key: string | undefined, @Body() body: unknown) {
    const claim = (typeof body === 'object' && body !== null ? body : {}) as DeliveryClaim;
    return this.receiver.receive(claim, JSON.stringify(body), req.header(SIGNATURE_HEADER) ?? '', key ?? '', body);
  }

  @Get('workspaces/:workspace/demo/webhook-receiver')
  @WorkspaceRoute(Role.VIEWER)
  list(@Access() access: WorkspaceAccess) {
    return this.receiver.list(access.workspaceId);
  }
}
