// The one place the end-to-end run's addresses are decided: the config, the server and the tests
// agree through it. The port follows the test Redis DB number, so helpers running side by side
// (each with its own TEST_REDIS_URL) never collide.
//
// Playwright's workers run side by side, each against a Gaung of its own: a slot (the worker's
// parallel index, 0 to E2E_WORKERS - 1) with its own port, database, queue prefix and platform
// stand-ins, so no worker sees another's changes (web/e2e/fixtures.ts, web/playwright.config.ts).
const testDatabase = process.env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/gaung_test';
const testRedis = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/1';

/**
 * How many workers (and so Gaungs) a browser run uses. Each is a browser and a server: on 2 cores,
 * 4 ran no faster than 2 and timed out (docs/web.md, "Tests and screenshots").
 */
export const E2E_WORKERS = Number(process.env.GAUNG_E2E_WORKERS || 2);

export const e2ePort = (slot = 0) =>
  Number(process.env.GAUNG_E2E_PORT || 39100 + Number(new URL(testRedis).pathname.slice(1) || 0)) + 20 * slot;
export const e2eBaseUrl = (slot = 0) => `http://127.0.0.1:${e2ePort(slot)}`;
/** The X stand-in (test/contracts/x) the app is configured with; a browser test starts it on this port. */
export const e2eXPort = (slot = 0) => e2ePort(slot) + 200;
export const E2E_X_CLIENT = { clientId: 'x-client-1', clientSecret: 'x-client-secret' };
/** The Telegram Bot API stand-in (test/contracts/telegram) for the notification bot; a browser test starts it on this port. */
export const e2eTelegramPort = (slot = 0) => e2ePort(slot) + 400;

export function e2eEnvironment(slot = 0) {
  const database = new URL(testDatabase);
  const name = decodeURIComponent(database.pathname.slice(1));
  database.pathname = slot === 0 ? `/${name}_e2e` : `/${name}_e2e_${slot}`;
  return {
    NODE_ENV: 'development',
    PORT: String(e2ePort(slot)),
    PUBLIC_BASE_URL: e2eBaseUrl(slot),
    DATABASE_URL: database.toString(),
    TEMPLATE_DATABASE: `${name}_template`,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: testRedis,
    QUEUE_PREFIX: slot === 0 ? 'gaung-e2e' : `gaung-e2e-${slot}`,
    LOG_LEVEL: 'warn',
    CREDENTIAL_KEYS: `e2e:${Buffer.alloc(32, 9).toString('base64')}`,
    LOGIN_MAX_FAILURES: '50',
    // Every browser test signs in from 127.0.0.1, faster than a person could: lift the per-address limits.
    LOGIN_ATTEMPTS_PER_MINUTE: '10000',
    ANONYMOUS_LIMIT: '10000',
    WEB_DIST_DIR: 'web/dist',
    SMTP_URL: '',
    // The browser tests' platform stand-ins (test/contracts) listen on loopback.
    EGRESS_ALLOW: '127.0.0.1,::1',
    // X's OAuth app and API: the stand-in on loopback, reached through the allow-list like any platform.
    X_API_URL: `http://127.0.0.1:${e2eXPort(slot)}`,
    X_CLIENT_ID: E2E_X_CLIENT.clientId,
    X_CLIENT_SECRET: E2E_X_CLIENT.clientSecret,
    // The notification bot: the stand-in, with updates by long polling (nothing reaches a webhook here).
    TELEGRAM_API_URL: `http://127.0.0.1:${e2eTelegramPort(slot)}`,
    TELEGRAM_UPDATES: 'polling',
    TELEGRAM_POLL_INTERVAL_MS: '500',
  };
}
