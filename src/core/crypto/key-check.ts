import { ConfigError } from '../config';
import type { PrismaClient } from '../database';
import { KeyCheckRepository } from './key-check.repository';
import { type SealedSecret, type SecretBinding, type SecretBox, SecretDecryptionError } from './secret-box';

const CHECK_TEXT = 'gaung/credential-key-check/v1';

/** Something already sealed under a key id, and what it is bound to: how a database from before the check values is checked. */
export type StoredSample = (keyId: string) => Promise<{ sealed: SealedSecret; binding: SecretBinding } | null>;

/**
 * Proves at start-up that every configured key opens what this database holds under its id
 * (docs/security.md, "A key that cannot open what is stored stops start-up"). Each key id has a
 * check value, a constant sealed under that key when the id was first seen; before recording one,
 * a stored ciphertext under the id (if any) must open. Throws a ConfigError naming each bad key.
 */
export async function verifyCredentialKeys(
  prisma: PrismaClient,
  box: SecretBox,
  sampleOf: StoredSample,
): Promise<void> {
  const checks = new KeyCheckRepository(prisma);
  const problems: string[] = [];
  for (const keyId of box.keyIds) {
    if (await opensWhatIsStored(checks, box, keyId, sampleOf)) continue;
    problems.push(
      `CREDENTIAL_KEYS: the key with id "${keyId}" does not open what this database holds under "${keyId}" ` +
        `(a different key under the same id, e.g. the new .env of a second clone). Put back the key that sealed them, or give a new key a new id.`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
}

async function opensWhatIsStored(
  checks: KeyCheckRepository,
  box: SecretBox,
  keyId: string,
  sampleOf: StoredSample,
): Promise<boolean> {
  let check = await checks.find(keyId);
  if (!check) {
    const sample = await sampleOf(keyId);
    if (sample && opened(box, sample.sealed, sample.binding) === null) return false;
    const sealed = box.sealWith(keyId, CHECK_TEXT, checkBinding(keyId));
    // Two processes starting together: the first value written is the one both are checked against.
    check = await checks.recordOnce(keyId, sealed.ciphertext);
  }
  return opened(box, { keyId, ciphertext: new Uint8Array(check.ciphertext) }, checkBinding(keyId)) === CHECK_TEXT;
}

/**
 * Forgets the check values of key ids that nothing is sealed under any more (after a rotation), so
 * a retired id can later name a new key. The newest key keeps its value.
 */
export async function forgetUnusedKeyChecks(
  prisma: PrismaClient,
  box: SecretBox,
  keyIdsInUse: string[],
): Promise<void> {
  await new KeyCheckRepository(prisma).forgetAllBut([box.currentKeyId, ...keyIdsInUse]);
}

function checkBinding(keyId: string): SecretBinding {
  return { workspaceId: 'deployment', subject: `key-check:${keyId}` };
}

function opened(box: SecretBox, sealed: SealedSecret, binding: SecretBinding): string | null {
  try {
    return box.open(sealed, binding);
  } catch (error) {
    if (error instanceof SecretDecryptionError) return null;
    throw error;
  }
}
