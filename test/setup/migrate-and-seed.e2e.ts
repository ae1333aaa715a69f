import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { seedDemo } from '../../src/demo/demo-seed';
import { openPrismaClient, type PrismaClient } from '../../src/core/database';
import { SecretBox } from '../../src/core/crypto';
import { TEST_DATABASE_URL, testConfig } from '../support/test-config';

const root = join(__dirname, '..', '..');

/** A throwaway database, so this test proves the migration on a truly empty one. */
describe('migrations and demo seed on an empty database', () => {
  const name = `gaung_migrate_${randomBytes(4).toString('hex')}`;
  const url = new URL(TEST_DATABASE_URL);
  const admin = new URL(TEST_DATABASE_URL);
  admin.pathname = '/postgres';
  url.pathname = `/${name}`;
  let prisma: PrismaClient;

  beforeAll(async () => {
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });

  it('applies every migration, then seeds once and only once', async () => {
    const migrate = spawnSync('npx', ['prisma', 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url.toString() },
      encoding: 'utf8',
    });
    expect(migrate.stderr + migrate.stdout).toContain('successfully applied');
    expect(migrate.status).toBe(0);

    prisma = openPrismaClient(url.toString());
    const secrets = new SecretBox(testConfig());
    await expect(seedDemo(prisma, secrets, 'http://localhost:3000')).resolves.toEqual({ seeded: true });
    const counts = async () => ({
      workspaces: await prisma.workspace.count(),
      users: await prisma.user.count(),
      memberships: await prisma.membership.count(),
      // The planned posts; the published history (src/demo/demo-history.ts) is counted below.
      posts: await prisma.post.count({ where: { targets: { none: { state: 'PUBLISHED' } } } }),
      targets: await prisma.postTarget.count({ where: { state: { not: 'PUBLISHED' } } }),
      history:
        (await prisma.postTarget.count({ where: { state: 'PUBLISHED' } })) > 100 &&
        (await prisma.metricSnapshot.count({ where: { state: 'OK' } })) > 300,
      partners: await prisma.campaignPartner.count(),
    });
    const first = await counts();
    expect(first).toEqual({
      workspaces: 2,
      users: 10,
      memberships: 10,
      posts: 6,
      targets: 7,
      history: true,
      partners: 1,
    });
    await expect(seedDemo(prisma, secrets, 'http://localhost:3000')).resolves.toEqual({ seeded: false });
    expect(await counts()).toEqual(first);

    // Each workspace's demo channel has a secret of its own: the receiver tells the workspaces apart by it.
    const webhooks = await prisma.connectedAccount.findMany({ where: { platform: 'WEBHOOK' } });
    const demoSecrets = webhooks.map(
      (webhook) =>
        (
          JSON.parse(
            secrets.open(
              { keyId: webhook.credentialsKeyId!, ciphertext: new Uint8Array(webhook.credentialsCiphertext!) },
              { workspaceId: webhook.workspaceId, subject: `account:${webhook.id}` },
            ),
          ) as { secret: string }
        ).secret,
    );
    expect(new Set(demoSecrets).size).toBe(2);
    for (const secret of demoSecrets) expect(secret).toMatch(/^whsec_.{20,}/);
    expect(webhooks.map((webhook) => webhook.baseUrl)).toEqual([
      'http://localhost:3000/demo/webhook-receiver',
      'http://localhost:3000/demo/webhook-receiver',
    ]);

    const zones = await prisma.post.findMany({ select: { scheduleZone: true }, distinct: ['scheduleZone'] });
    expect(zones.map((z) => z.scheduleZone).sort()).toEqual(['Asia/Jakarta', 'Asia/Jayapura', 'Asia/Makassar']);
    const statuses = await prisma.post.findMany({ select: { status: true }, distinct: ['status'] });
    expect(statuses.length).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
