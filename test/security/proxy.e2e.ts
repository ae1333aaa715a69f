import { loadConfig } from '../../src/core/config';
import { bearer, createUser, FIXTURE_PASSWORD } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** docs/security.md, rule 11: X-Forwarded-For counts only when TRUST_PROXY names the proxy. */
describe('proxies', () => {
  const signInFrom = async (t: TestApp, forwardedFor: string) => {
    const { email } = await createUser(t.prisma);
    const login = await t
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', forwardedFor)
      .send({ email, password: FIXTURE_PASSWORD })
      .expect(200);
    const sessions = await t.http().get('/auth/sessions').set(bearer(login.body)).expect(200);
    return sessions.body[0].ip as string;
  };

  describe('by default', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { ANONYMOUS_LIMIT: '2' } });
    });
    afterAll(() => t.close());

    it('ignores X-Forwarded-For: the address is the connecting one', async () => {
      expect(await signInFrom(t, '203.0.113.7')).toMatch(/127\.0\.0\.1|::1/);
    });

    it('a client cannot escape a per-address limit by inventing addresses', async () => {
      // Invitation acceptance with made-up tokens: limited per address (ANONYMOUS_LIMIT=2 here) and cheap.
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await t
          .http()
          .post('/invitations/accept-new')
          .set('X-Forwarded-For', `198.51.100.${i}`)
          .send({ token: `made-up-token-${i}-${'x'.repeat(20)}`, name: 'X', password: 'kata-sandi-panjang' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([422, 422, 429]);
    });
  });

  it('with TRUST_PROXY=loopback, takes the address the local proxy forwarded', async () => {
    const t = await startTestApp({ config: { TRUST_PROXY: 'loopback' } });
    try {
      expect(await signInFrom(t, '203.0.113.7')).toBe('203.0.113.7');
    } finally {
      await t.close();
    }
  });

  it('refuses TRUST_PROXY=true (every client could choose its address) and bad addresses', () => {
    const base = {
      DATABASE_URL: 'postgresql://u@127.0.0.1:5432/db',
      CREDENTIAL_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
    };
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '10.0.0.300' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig(base).TRUST_PROXY).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
  });
});
