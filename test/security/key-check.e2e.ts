import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { AccountCredentialsStore } from '../../src/core/credentials';
import { rotateKeys } from '../../src/accounts/key-rotation';
import { checkKeysBeforeStart } from '../../src/accounts/stored-keys';
import { ConfigError } from '../../src/core/config';
import { SecretBox } from '../../src/core/crypto';
import { PrismaClient } from '../../src/core/database';
import { createIsolatedDatabase, type IsolatedDatabase } from '../support/isolated-database';
import { testConfig } from '../support/test-config';

const root = join(__dirname, '..', '..');
const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const [FIRST_CLONE, SECOND_CLONE, NEWER, WRONG_NEWER] = [key(21), key(22), key(23), key(24)];

/** The built entry point in an empty folder (no .env), as a second clone with its own .env would start. */
function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'dist', script), ...args], {
    cwd: mkdtempSync(join(tmpdir(), 'gaung-keys-')),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

// Issue #15 item 16: a key that cannot open what is stored stops start-up, naming the key.
describe('a key that cannot open what is stored stops start-up', () => {
  let database: IsolatedDatabase;
  let prisma: PrismaClient;
  const config = (keys: string) => testConfig({ DATABASE_URL: database.url, CREDENTIAL_KEYS: keys });
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  beforeEach(async () => {
    database = await createIsolatedDatabase();
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  });
  afterEach(async () => {
    await prisma.$disconnect();
    await database.drop();
  });

  /** An account whose credentials the first clone sealed under its k1. */
  async function accountSealedBy(keys: string) {
    const workspace = await prisma.workspace.create({
      data: { slug: `ws-${Date.now()}`, name: 'Serikat', timeZone: 'Asia/Jakarta' },
    });
    const account = await prisma.connectedAccount.create({
      data: { workspaceId: workspace.id, platform: 'TELEGRAM', displayName: 'Kanal' },
    });
    const sealed = new AccountCredentialsStore(prisma as never, new SecretBox(config(keys))).seal(account, {
      botToken: '123:abc',
    });
    await prisma.connectedAccount.update({
      where: { id: account.id },
      data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
    });
  }

  it('a second clone with a new key under the same id exits 78 naming the key, as API and as worker; the right key starts', async () => {
    await checkKeysBeforeStart(config(`k1:${FIRST_CLONE}`));
    await accountSealedBy(`k1:${FIRST_CLONE}`);
    for (const mode of ['api', 'worker']) {
      const result = run('main.js', [mode], { DATABASE_URL: database.url, CREDENTIAL_KEYS: `k1:${SECOND_CLONE}` });
      expect({ mode, status: result.status }).toEqual({ mode, status: 78 });
      expect(result.stderr).toContain('CREDENTIAL_KEYS: the key with id "k1" does not open');
    }
    await expect(checkKeysBeforeStart(config(`k1:${FIRST_CLONE}`))).resolves.toBeUndefined();
  }, 60_000);

  it('notices before anything is stored: the first key seen under an id is the one checked', async () => {
    await checkKeysBeforeStart(config(`k1:${FIRST_CLONE}`));
    expect(await refusal(checkKeysBeforeStart(config(`k1:${SECOND_CLONE}`)))).toBeInstanceOf(ConfigError);
  });

  it('checks a database from before the check values by what is stored under the id', async () => {
    await accountSealedBy(`k1:${FIRST_CLONE}`);
    expect(await prisma.credentialKeyCheck.count()).toBe(0);
    const error = await refusal(checkKeysBeforeStart(config(`k1:${SECOND_CLONE}`)));
    expect((error as ConfigError).problems).toEqual([expect.stringContaining('"k1"')]);
    expect(await prisma.credentialKeyCheck.count()).toBe(0);
    await checkKeysBeforeStart(config(`k1:${FIRST_CLONE}`));
    expect((await prisma.credentialKeyCheck.findMany()).map((check) => check.keyId)).toEqual(['k1']);
  });

  it('key rotation keeps the check values right, and refuses to run with a key that does not fit', async () => {
    await accountSealedBy(`k1:${FIRST_CLONE}`);
    await checkKeysBeforeStart(config(`k1:${FIRST_CLONE}`));

    expect(await refusal(rotateKeys(prisma, new SecretBox(config(`k2:${NEWER},k1:${SECOND_CLONE}`))))).toBeInstanceOf(
      ConfigError,
    );
    expect((await prisma.connectedAccount.findFirstOrThrow()).credentialsKeyId).toBe('k1');

    const report = await rotateKeys(prisma, new SecretBox(config(`k2:${NEWER},k1:${FIRST_CLONE}`)));
    expect(report.accounts).toEqual({ resealed: 1, current: 0, failed: 0 });
    // Nothing is sealed under k1 any more: its check is forgotten, so the retired id can name a new key.
    expect((await prisma.credentialKeyCheck.findMany()).map((check) => check.keyId)).toEqual(['k2']);
    await expect(checkKeysBeforeStart(config(`k2:${NEWER}`))).resolves.toBeUndefined();
    await expect(checkKeysBeforeStart(config(`k2:${NEWER},k1:${SECOND_CLONE}`))).resolves.toBeUndefined();
    expect(await refusal(checkKeysBeforeStart(config(`k2:${WRONG_NEWER}`)))).toBeInstanceOf(ConfigError);

    const cli = run('cli/rotate-keys.js', [], {
      DATABASE_URL: database.url,
      CREDENTIAL_KEYS: `k3:${FIRST_CLONE},k2:${WRONG_NEWER}`,
    });
    expect(cli.status).toBe(78);
    expect(cli.stderr).toContain('"k2"');
  }, 60_000);
});
