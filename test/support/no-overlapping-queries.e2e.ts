import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { openPrismaClient } from '../../src/core/database/serial-transactions';
import { PrismaClient } from '../../src/generated/prisma/client';
import { noteWorkerOutput, takeOverlappingQueries } from './no-overlapping-queries';
import { TEST_DATABASE_URL } from './test-config';
import { workerEnvironment } from './worker-process';

/**
 * The detector every test file runs with (no-overlapping-queries.ts) can fail: it catches two
 * queries overlapping on one connection inside a transaction (which pg 8 itself lets pass without
 * a warning), in this process and in a spawned worker process, and stays quiet otherwise. Each test
 * takes what was caught, so this file's own afterAll does not fail.
 */
describe('the overlapping-queries detector', () => {
  afterEach(() => takeOverlappingQueries());

  const inTransaction = async (work: (client: Client) => Promise<unknown>) => {
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  };

  it('catches two overlapping queries on one connection in a transaction, naming the code that sent them', async () => {
    await inTransaction((client) => Promise.all([client.query('SELECT pg_sleep(0.05)'), client.query('SELECT 1')]));
    const caught = takeOverlappingQueries();
    expect(caught).toHaveLength(1);
    expect(caught[0]).toContain('no-overlapping-queries.e2e.ts');
  });

  it('is quiet for queries in turn, and for parallel queries on separate connections', async () => {
    await inTransaction(async (client) => {
      await client.query('SELECT pg_sleep(0.02)');
      await client.query('SELECT 1');
    });
    const [a, b] = [
      new Client({ connectionString: TEST_DATABASE_URL }),
      new Client({ connectionString: TEST_DATABASE_URL }),
    ];
    await Promise.all([a.connect(), b.connect()]);
    await Promise.all([a.query('SELECT pg_sleep(0.02)'), b.query('SELECT 1')]);
    await Promise.all([a.end(), b.end()]);
    expect(takeOverlappingQueries()).toEqual([]);
  });

  it("catches Prisma's own overlap (an include's relations loaded in parallel in a transaction), which the app's client sends in turn", async () => {
    const raw = new PrismaClient({ adapter: new PrismaPg({ connectionString: TEST_DATABASE_URL }) });
    const serial = openPrismaClient(TEST_DATABASE_URL);
    const slug = `overlap-${randomBytes(4).toString('hex')}`;
    try {
      const workspace = await raw.workspace.create({ data: { slug, name: slug, timeZone: 'Asia/Jakarta' } });
      await raw.connectedAccount.create({ data: { workspaceId: workspace.id, platform: 'FEED', displayName: 'Feed' } });
      await raw.campaign.create({ data: { workspaceId: workspace.id, name: 'Mogok', timeZone: 'Asia/Jakarta' } });
      const read = (prisma: PrismaClient) =>
        prisma.$transaction((tx) =>
          tx.workspace.findMany({ where: { id: workspace.id }, include: { accounts: true, campaigns: true } }),
        );
      expect((await read(raw))[0]!.campaigns).toHaveLength(1);
      expect(takeOverlappingQueries().length).toBeGreaterThan(0);
      expect((await read(serial))[0]!.accounts).toHaveLength(1);
      expect(takeOverlappingQueries()).toEqual([]);
    } finally {
      await raw.workspace.deleteMany({ where: { slug } });
      await Promise.all([raw.$disconnect(), serial.$disconnect()]);
    }
  });

  it('catches one in a spawned worker process, through the preload its environment carries', async () => {
    const script = `
      const { Client } = require('pg');
      (async () => {
        const client = new Client({ connectionString: process.env.DATABASE_URL });
        await client.connect();
        await client.query('BEGIN');
        await Promise.all([client.query('SELECT pg_sleep(0.05)'), client.query('SELECT 1')]);
        await client.query('COMMIT');
        await client.end();
      })();`;
    const child = spawn(process.execPath, ['-e', script], {
      cwd: join(__dirname, '..', '..'),
      env: workerEnvironment({ DATABASE_URL: TEST_DATABASE_URL }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => lines.push(line));
    const code = await new Promise((resolve) => child.once('close', resolve));
    expect(code).toBe(0);
    // What startWorkerProcess does with each line of a worker's stderr.
    lines.forEach(noteWorkerOutput);
    const caught = takeOverlappingQueries();
    expect(caught).toHaveLength(1);
    expect(caught[0]).toMatch(/^in a worker process: Error: overlapping query/);
  });
});
