import { PasswordGate } from '../../src/core/crypto';
import { AppError } from '../../src/core/errors';
import { createUser, FIXTURE_PASSWORD, unique } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** docs/security.md, rule 10: expensive anonymous routes and lock-out. */
describe('expensive anonymous routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    // TRUST_PROXY lets the test speak from several addresses through X-Forwarded-For.
    t = await startTestApp({
      config: { ANONYMOUS_LIMIT: '3', TRUST_PROXY: 'loopback', REGISTRATION: 'open', LOGIN_MAX_FAILURES: '3' },
    });
  });
  afterAll(() => t.close());

  const bogusToken = () => `bogus-${unique('token')}-${'x'.repeat(20)}`;
  const resetConfirm = (from: string) =>
    t
      .http()
      .post('/auth/password-reset/confirm')
      .set('X-Forwarded-For', from)
      .send({ token: bogusToken(), newPassword: 'sandi-baru-panjang' });
  const acceptNew = (from: string) =>
    t
      .http()
      .post('/invitations/accept-new')
      .set('X-Forwarded-For', from)
      .send({ token: bogusToken(), name: 'X', password: 'sandi-baru-panjang' });
  const register = (from: string) =>
    t
      .http()
      .post('/auth/register')
      .set('X-Forwarded-For', from)
      .send({ email: `${unique('r')}@test.gaung`, name: 'X', password: 'sandi-baru-panjang' });

  it('share one budget per address across reset confirmation, invitation acceptance and registration, answering 429 with Retry-After', async () => {
    const from = '203.0.113.10';
    await resetConfirm(from).expect(422);
    await acceptNew(from).expect(422);
    await register(from).expect(201);
    const users = await t.prisma.user.count();
    for (const attempt of [resetConfirm, acceptNew, register]) {
      const res = await attempt(from).set('Accept-Language', 'en').expect(429);
      expect(res.body.error.code).toBe('anonymous_rate_limited');
      expect(res.body.error.message).toMatch(/Try again in \d+ minutes/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(await t.prisma.user.count()).toBe(users);
    // Another address keeps its own budget.
    await resetConfirm('203.0.113.11').expect(422);
  });

  it('hold across API instances sharing Redis', async () => {
    const second = await startTestApp({
      config: { QUEUE_PREFIX: t.config.QUEUE_PREFIX, ANONYMOUS_LIMIT: '3', TRUST_PROXY: 'loopback' },
    });
    try {
      const from = '203.0.113.20';
      await resetConfirm(from).expect(422);
      await second
        .http()
        .post('/auth/password-reset/confirm')
        .set('X-Forwarded-For', from)
        .send({ token: bogusToken(), newPassword: 'sandi-baru-panjang' })
        .expect(422);
      await resetConfirm(from).expect(422);
      await second
        .http()
        .post('/auth/password-reset/confirm')
        .set('X-Forwarded-For', from)
        .send({ token: bogusToken(), newPassword: 'sandi-baru-panjang' })
        .expect(429);
    } finally {
      await second.app.close();
    }
  });

  it('lock-out cannot lock a chosen account out: failures from one address lock that address only', async () => {
    const victim = await createUser(t.prisma);
    for (let i = 0; i < 3; i += 1) {
      await t
        .http()
        .post('/auth/login')
        .set('X-Forwarded-For', '198.51.100.66')
        .send({ email: victim.email, password: `guess-${i}` })
        .expect(401);
    }
    const locked = await t
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', '198.51.100.66')
      .send({ email: victim.email, password: FIXTURE_PASSWORD })
      .expect(429);
    expect(locked.body.error.code).toBe('account_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The colleague, from their own address, still signs in.
    await t
      .http()
      .post('/auth/login')
      .set('X-Forwarded-For', '192.0.2.44')
      .send({ email: victim.email, password: FIXTURE_PASSWORD })
      .expect(200);
  });
});

describe('password hashing gate', () => {
  const deferred = () => {
    let resolve!: () => void;
    const promise = new Promise<void>((done) => (resolve = done));
    return { promise, resolve };
  };
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('runs a bounded number of hashes at once and keeps a slot for sign-in ahead of every other hash', async () => {
    const gate = new PasswordGate(2, 1, 64);
    const started: string[] = [];
    const tasks = new Map<string, ReturnType<typeof deferred>>();
    const submit = (name: string, priority: 'sign-in' | 'other') => {
      const task = deferred();
      tasks.set(name, task);
      return gate.run(priority, async () => {
        started.push(name);
        await task.promise;
      });
    };
    const runs = Array.from({ length: 6 }, (_, i) => submit(`bogus-${i}`, 'other'));
    runs.push(submit('sign-in-1', 'sign-in'), submit('sign-in-2', 'sign-in'));
    await tick();
    // One slot for other work, the other taken at once by the sign-in that came after six bogus hashes.
    expect(started).toEqual(['bogus-0', 'sign-in-1']);
    tasks.get('bogus-0')!.resolve();
    await tick();
    // A freed slot goes to the waiting sign-in before any waiting bogus hash.
    expect(started).toEqual(['bogus-0', 'sign-in-1', 'sign-in-2']);
    for (const task of tasks.values()) task.resolve();
    for (let i = 0; i < 10; i += 1) {
      await tick();
      for (const task of tasks.values()) task.resolve();
    }
    await Promise.all(runs);
    expect(started).toHaveLength(8);
  });

  it('refuses work beyond its queue with a 429 instead of piling up memory', async () => {
    const gate = new PasswordGate(2, 1, 2);
    const block = deferred();
    const running = [
      gate.run('other', () => block.promise),
      gate.run('other', () => block.promise),
      gate.run('other', () => block.promise),
    ];
    await expect(gate.run('other', async () => undefined)).rejects.toMatchObject({
      status: 429,
      code: 'server_busy',
    } satisfies Partial<AppError>);
    // A full queue of other work never refuses a sign-in.
    running.push(gate.run('sign-in', () => block.promise));
    block.resolve();
    await Promise.all(running);
  });
});
