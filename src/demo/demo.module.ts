import { Module } from '@nestjs/common';
import { DemoReceiverController } from './demo-receiver.controller';

/** Loaded in development only (see app.module.ts). */
@Module({ controllers: [DemoReceiverController] })
export class DemoModule {}
