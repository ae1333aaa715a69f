import { appErrorOf } from '../../src/core/errors/http-exception.filter';
import { startTestApp, type TestApp } from '../support/test-app';

// A saturated database: the app's pool has one connection and something holds it in a
// transaction, so Prisma refuses to start another (P2028, its real error from real Postgres). What
// the caller hears then is "busy, try again" (503 + Retry-After), never a 500 (the HTTP filter
// answers every error through appErrorOf).
describe('a database too busy to start a transaction', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { DATABASE_POOL_SIZE: '1' } });
  });
  afterAll(() => t.close());

  /** Holds the pool's one connection inside a transaction for `ms`. */
  const holdTheConnection = (ms: number) =>
    t.prisma.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(${ms / 1000})`, { timeout: ms + 5_000 });

  it("maps Prisma's own refusal to 503 server_busy with Retry-After, in both languages", async () => {
    const held = holdTheConnection(2_000);
    const refused = await t.prisma.$transaction(async () => 'ran', { maxWait: 300 }).catch((error: unknown) => error);
    await held;
    const answer = appErrorOf(refused);
    expect({ status: answer.status, code: answer.code, retryAfter: answer.retryAfterSeconds }).toEqual({
      status: 503,
      code: 'server_busy',
      retryAfter: 5,
    });
    expect(answer.messageIn('id')).toBe('Server sedang sibuk. Coba lagi beberapa detik lagi.');
    expect(answer.messageIn('en')).toBe('The server is busy. Try again in a few seconds.');
  });
});
