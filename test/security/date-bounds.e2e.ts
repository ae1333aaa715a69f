import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { createObjects } from '../support/object-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_CREDENTIAL_KEY } from '../support/test-config';

const root = join(__dirname, '..', '..');
const YEAR_1_CALENDAR = 'calendar?from=0001-01-01T00:00:00Z&to=0001-03-01T00:00:00Z';

/** Gaung's API as `npm start` runs it (API and worker in one process), in a child: a frozen event loop there cannot freeze the test. */
async function startChild(t: TestApp, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'dist', 'main.js'), 'all'], {
    cwd: mkdtempSync(join(tmpdir(), 'gaung-dates-')),
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: t.config.DATABASE_URL,
      REDIS_URL: t.config.REDIS_URL,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      // The shared test database's own key: the child checks it against what that database holds.
      CREDENTIAL_KEYS: `test1:${TEST_CREDENTIAL_KEY}`,
      SWEEP_INTERVAL_MS: '0',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API child did not start');
}

describe('date bounds (docs/security.md, rule 3)', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    ids = await createObjects(t.prisma, ws);
  });
  afterAll(() => t.close());

  it('answers a calendar of year 1 with 400 at once while /health/live keeps answering (the worker process too)', async () => {
    const childPort = await freePort();
    const child = await startChild(t, childPort);
    try {
      const base = `http://127.0.0.1:${childPort}`;
      // A guard against a hang, not a measurement: a frozen process answers neither request.
      const signal = AbortSignal.timeout(15_000);
      const calendar = fetch(`${base}/workspaces/${ws.slug}/${YEAR_1_CALENDAR}`, {
        headers: bearer(ws.users.VIEWER),
        signal,
      });
      const live = await fetch(`${base}/health/live`, { signal });
      expect(live.status).toBe(200);
      const answer = await calendar;
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { error: { details: Array<{ field: string }> } };
      expect(body.error.details.map((d) => d.field)).toEqual(expect.arrayContaining(['from', 'to']));
      expect((await fetch(`${base}/health/live`, { signal })).status).toBe(200);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }, 40_000);

  it('bounds every date input: years 1970 to 2199, real calendar dates, ranges and cursors', async () => {
    const viewer = bearer(ws.users.VIEWER);
    const owner = bearer(ws.users.OWNER);
    const get = (path: string) => t.http().get(`/workspaces/${ws.slug}/${path}`).set(viewer);
    const post = (path: string, body: object) => t.http().post(`/workspaces/${ws.slug}/${path}`).set(owner).send(body);
    // Year 1 itself only in the child above: on code without the bounds it would freeze this process.
    const refused = [
      await get('calendar?from=9999-01-01T00:00:00Z&to=9999-03-01T00:00:00Z'),
      await get('calendar?from=2027-01-01T00:00:00Z&to=2027-06-01T00:00:00Z'),
      await get('calendar?view=month&anchor=9999-01-01'),
      await get('calendar?view=week&anchor=2027-02-30'),
      await get(`calendar?after=9999-99-99T00:00:00.000Z_${ids.postId}`),
      await get(`calendar?after=2027-13-45T99:99:99.999Z_${ids.postId}`),
      await get('key-dates?from=0001-01-01'),
      await get('key-dates?from=2020-01-01&to=2027-01-01'),
      await get('audit?from=0001-01-01T00:00:00Z').set(owner),
      await get(`accounts/${ids.accountId}/next-slot?after=9999-12-31T23:59:59Z`),
      await post('key-dates', { date: '9999-12-31', title: 'Kiamat' }),
      await post('posts', {
        baseText: 'Halo',
        targets: [{ accountId: ids.accountId }],
        schedule: { at: '9999-12-31T09:00', zone: 'WIB' },
      }),
      await post('posts', {
        baseText: 'Halo',
        targets: [{ accountId: ids.accountId }],
        schedule: { at: '0001-01-01T09:00:00+07:00', zone: 'WIB' },
      }),
      await post('posts', {
        baseText: 'Halo',
        targets: [{ accountId: ids.accountId }],
        notAfter: '+275760-09-13T00:00:00Z',
      }),
      await post('campaigns', {
        name: 'Abadi',
        timeZone: 'Asia/Jakarta',
        startsAt: '2027-01-01T00:00:00Z',
        endsAt: '9999-12-31T00:00:00Z',
      }),
      await post(`campaigns/${ids.campaignId}/hold`, { reason: 'Krisis', resumeAt: '0001-01-01T00:00:00Z' }),
      await post('hold', { reason: 'Krisis', resumeAt: '9999-01-01T00:00:00Z' }),
    ];
    expect(refused.map((res) => res.status)).toEqual(refused.map(() => 400));
    expect(refused.every((res) => res.body.error.details?.length > 0)).toBe(true);
    const yearMessage = refused[0]!.body.error.details.find((d: { field: string }) => d.field === 'from');
    expect(yearMessage.message).toBe('Tahun harus antara 1970 dan 2199');
    // Inside the bounds the same routes answer.
    expect((await get('calendar?from=2027-01-01T00:00:00Z&to=2027-03-01T00:00:00Z')).status).toBe(200);
    expect((await get('calendar?view=month&anchor=2199-12-01')).status).toBe(200);
    expect((await get('key-dates?from=2026-01-01&to=2028-01-01')).status).toBe(200);
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
