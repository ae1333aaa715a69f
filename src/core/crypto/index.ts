export { CryptoModule } from './crypto.module';
export { PasswordGate, type HashPriority } from './password-gate';
export { SecretBox, SecretDecryptionError, type SealedSecret, type SecretBinding } from './secret-box';
export { hashPassword, hashToken, newSecretToken, verifyPassword } from './tokens';
export { forgetUnusedKeyChecks, verifyCredentialKeys, type StoredSample } from './key-check';
