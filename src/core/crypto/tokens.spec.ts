import { hashPassword, hashToken, newSecretToken, verifyPassword } from './tokens';

describe('passwords and tokens', () => {
  it('hashes passwords with scrypt, salted, and verifies only the right one', async () => {
    const a = await hashPassword('kata-sandi-rahasia');
    const b = await hashPassword('kata-sandi-rahasia');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    await expect(verifyPassword('kata-sandi-rahasia', a)).resolves.toBe(true);
    await expect(verifyPassword('kata-sandi-salah', a)).resolves.toBe(false);
    await expect(verifyPassword('x', 'not-a-hash')).resolves.toBe(false);
  });

  it('makes unguessable tokens and stable hashes', () => {
    const token = newSecretToken('gst_');
    expect(token).toMatch(/^gst_[A-Za-z0-9_-]{43}$/);
    expect(newSecretToken()).not.toBe(newSecretToken());
    expect(hashToken(token)).toHaveLength(64);
    expect(hashToken(token)).toBe(hashToken(token));
  });
});
