import { REDACTED, redact } from './redact';

describe('redact', () => {
  it('hides secret-looking keys at any depth and keeps the rest', () => {
    const input = {
      user: 'ana',
      password: 'hunter2',
      nested: { accessToken: 'abc', headers: { Authorization: 'Bearer x', accept: 'json' } },
      list: [{ app_password: 'p' }],
      credentialsCiphertext: Buffer.from('xyz'),
    };
    expect(redact(input)).toEqual({
      user: 'ana',
      password: REDACTED,
      nested: { accessToken: REDACTED, headers: { Authorization: REDACTED, accept: 'json' } },
      list: [{ app_password: REDACTED }],
      credentialsCiphertext: REDACTED,
    });
  });

  it('survives cycles', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[…]' });
  });
});
