import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, type AppConfig } from './config';
import { CredentialsModule } from './credentials';
import { CryptoModule } from './crypto';
import { DatabaseModule } from './database';
import { EgressModule } from './egress';
import { MailModule } from './mail';
import { QueueModule } from './queue';

/** Config, database, queue, crypto, the credential store, mail and the guarded egress: what both the API and the worker stand on. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        QueueModule,
        CryptoModule,
        CredentialsModule,
        MailModule,
        EgressModule,
      ],
    };
  }
}
