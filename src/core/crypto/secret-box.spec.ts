import { loadConfig } from '../config';
import { SecretBox, SecretDecryptionError } from './secret-box';

const key = (n: number) => Buffer.alloc(32, n).toString('base64');
const boxWith = (keys: string) =>
  new SecretBox(loadConfig({ DATABASE_URL: 'postgresql://u@127.0.0.1/db', CREDENTIAL_KEYS: keys }));
const binding = { workspaceId: 'w1', subject: 'account:a1' };

describe('SecretBox', () => {
  it('round-trips and never contains the plaintext', () => {
    const box = boxWith(`k1:${key(1)}`);
    const sealed = box.seal('{"token":"very-secret"}', binding);
    expect(Buffer.from(sealed.ciphertext).toString('latin1')).not.toContain('very-secret');
    expect(box.open(sealed, binding)).toBe('{"token":"very-secret"}');
  });

  it('refuses a ciphertext moved to another account or workspace', () => {
    const box = boxWith(`k1:${key(1)}`);
    const sealed = box.seal('secret', binding);
    expect(() => box.open(sealed, { ...binding, subject: 'account:a2' })).toThrow(SecretDecryptionError);
    expect(() => box.open(sealed, { ...binding, workspaceId: 'w2' })).toThrow(SecretDecryptionError);
  });

  it('refuses a tampered ciphertext', () => {
    const box = boxWith(`k1:${key(1)}`);
    const sealed = box.seal('secret', binding);
    sealed.ciphertext[sealed.ciphertext.length - 1]! ^= 1;
    expect(() => box.open(sealed, binding)).toThrow(SecretDecryptionError);
  });

  it('rotates: a new key seals, old ciphertexts still open and reseal under the new key', () => {
    const old = boxWith(`k1:${key(1)}`);
    const sealed = old.seal('secret', binding);
    const rotated = boxWith(`k2:${key(2)},k1:${key(1)}`);
    expect(rotated.open(sealed, binding)).toBe('secret');
    const resealed = rotated.reseal(sealed, binding)!;
    expect(resealed.keyId).toBe('k2');
    expect(rotated.reseal(resealed, binding)).toBeNull();
    expect(boxWith(`k2:${key(2)}`).open(resealed, binding)).toBe('secret');
    expect(() => boxWith(`k2:${key(2)}`).open(sealed, binding)).toThrow(/unknown key id k1/);
  });
});
