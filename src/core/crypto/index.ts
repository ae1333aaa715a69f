export { CryptoModule } from './crypto.module';
export { SecretBox, SecretDecryptionError, type SealedSecret, type SecretBinding } from './secret-box';
export { hashPassword, hashToken, newSecretToken, verifyPassword } from './tokens';
export { forgetUnusedKeyChecks, verifyCredentialKeys, type StoredSample } from './key-check';
