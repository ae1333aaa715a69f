import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { PublishingModule } from '../publishing';
import { DemoReceiverController } from './demo-receiver.controller';
import { DemoReceiverService } from './demo-receiver.service';

/** Loaded in development only (see app.module.ts); answers only where the demo data is. */
@Module({
  imports: [AccountsModule, PublishingModule],
  controllers: [DemoReceiverController],
  providers: [DemoReceiverService],
})
export class DemoModule {}
