import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from '../core/audit';

/** Writing audit events: every role needs it (the worker too). */
@Global()
@Module({ providers: [AuditService, AuditRepository], exports: [AuditService, AuditRepository] })
export class AuditModule {}

/**
 * Reading the audit log over HTTP: API only. Its guards come from AuthModule, which the worker
 * does not load, so a worker-only process could not start with the controller in AuditModule.
 */
@Module({ controllers: [AuditController] })
export class AuditApiModule {}
