import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppError } from '../core/errors';
import { SIGNATURE_HEADER, verifySignature } from '../publishers/webhook/webhook-signature';
import { DEMO_WEBHOOK_SECRET } from './demo-seed';

interface Delivery {
  idempotencyKey: string;
  receivedAt: string;
  body: unknown;
}

const KEEP = 100;

/**
 * Development only: the receiving end of the demo's WEBHOOK channel, so `npm start` publishes for
 * real without a third party. Checks the signature, answers a repeated Idempotency-Key with the
 * first delivery (as a well-behaved receiver does), and lists what arrived.
 */
@ApiExcludeController()
@Controller('demo/webhook-receiver')
export class DemoReceiverController {
  private readonly deliveries: Delivery[] = [];

  @Post()
  @HttpCode(HttpStatus.OK)
  receive(@Req() req: Request, @Headers('idempotency-key') key: string | undefined, @Body() body: unknown) {
    const raw = JSON.stringify(body);
    if (!verifySignature(DEMO_WEBHOOK_SECRET, raw, req.header(SIGNATURE_HEADER) ?? '')) {
      throw AppError.unauthorized('bad_signature', { id: 'Tanda tangan webhook tidak valid.', en: 'Invalid webhook signature.' });
    }
    const earlier = this.deliveries.find((d) => d.idempotencyKey === key);
    if (!earlier) {
      this.deliveries.unshift({ idempotencyKey: key ?? '', receivedAt: new Date().toISOString(), body });
      this.deliveries.length = Math.min(this.deliveries.length, KEEP);
    }
    return { id: key, duplicate: Boolean(earlier) };
  }

  @Get()
  list() {
    return this.deliveries;
  }
}
