export { AccountCredentialsStore, type AccountRef, type StoredCredentials } from './account-credentials.store';
export { CredentialsModule } from './credentials.module';
