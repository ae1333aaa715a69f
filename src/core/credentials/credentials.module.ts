import { Global, Module } from '@nestjs/common';
import { AccountCredentialsRepository } from './account-credentials.repository';
import { AccountCredentialsStore } from './account-credentials.store';

/** The connected accounts' credential store, below every feature that opens or saves credentials. */
@Global()
@Module({ providers: [AccountCredentialsStore, AccountCredentialsRepository], exports: [AccountCredentialsStore] })
export class CredentialsModule {}
