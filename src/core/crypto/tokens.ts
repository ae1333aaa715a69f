import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { passwordGate, type HashPriority } from './password-gate';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** A random bearer secret (session, invitation, API token, feed URL): 32 bytes, base64url. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** Tokens are stored as SHA-256: they are random, so a fast hash is enough and lets us look them up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

// scrypt is memory-hard: N=2^15, r=8 needs 32 MiB per hash.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const options = { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 };
  const hash = await passwordGate.run('other', () => scrypt(password, salt, SCRYPT.keylen, options));
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** `priority: 'sign-in'` for a sign-in, which goes before other hashing (see password-gate.ts). */
export async function verifyPassword(
  password: string,
  stored: string,
  priority: HashPriority = 'other',
): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 };
  const actual = await passwordGate.run(priority, () =>
    scrypt(password, Buffer.from(salt, 'base64'), expected.length, options),
  );
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
