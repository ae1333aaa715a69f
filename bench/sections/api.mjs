// B2 calendar (month view of one workspace in a 1,000,000-post database, with a raw-SQL baseline)
// and B3 scheduling (creating posts with 3 targets), both against Gaung's API as a child process.
import { createRequire } from 'node:module';
import { freePort, startApi } from '../lib/children.mjs';
import { ANCHOR, dropCalendarData, ensureCalendarData } from '../lib/calendar-data.mjs';
import { gaung } from '../lib/context.mjs';
import { benchSlug, createSession, createWorkspace, dropWorkspace } from '../lib/seed.mjs';
import { percentile } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const { Pool } = require('pg');

/** The month view's rows as plain SQL: the same page (limit 500) and the same joins the API reads. */
const RAW_MONTH_SQL = `
  SELECT p.id, p."workspaceId", p.status, p.version, p."scheduledAt", p."scheduleZone", left(p."baseText", 140) AS excerpt,
         t.id AS "targetId", t.state, a.platform, a."displayName", c.id AS "campaignId", c.name, c.color, c."heldAt",
         u.id AS "authorId", u.name AS "authorName", w.slug, w.name AS "workspaceName"
    FROM (SELECT * FROM "Post" WHERE "workspaceId" = $1 AND "scheduledAt" >= $2 AND "scheduledAt" < $3
           ORDER BY "scheduledAt", id LIMIT 500) p
    JOIN "User" u ON u.id = p."authorId"
    JOIN "Workspace" w ON w.id = p."workspaceId"
    LEFT JOIN "Campaign" c ON c.id = p."campaignId"
    LEFT JOIN "PostTarget" t ON t."postId" = p.id
    LEFT JOIN "ConnectedAccount" a ON a.id = t."accountId"
   ORDER BY p."scheduledAt", p.id`;

export async function runApiSections(context) {
  const { options } = context;
  const calendarData = await ensureCalendarData(context, options.calendar);
  const port = await freePort();
  const api = await startApi(context.childEnv(`${context.prefix}-api`, options.apiEnv), port, {
    nodeArgs: options.profileNodeArgs('api'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const calendar = await runCalendar(context, baseUrl, calendarData);
    const scheduling = await runScheduling(context, baseUrl);
    return {
      calendar,
      scheduling,
      calendarSeed: { seededMs: calendarData.seededMs, reused: calendarData.reused },
      apiPeakRssMb: api.peakRssMb(),
    };
  } finally {
    await api.stop();
    if (options.calendar.dropAfter) await dropCalendarData(context, options.calendar.tag);
  }
}

async function runCalendar(context, baseUrl, data) {
  const { options } = context;
  const token = await createSession(context, data.userId);
  const url = `${baseUrl}/workspaces/${data.slug}/calendar?view=month&anchor=${ANCHOR}`;
  const headers = { authorization: `Bearer ${token}` };
  const range = gaung.calendarRange('month', ANCHOR, 'Asia/Jakarta');
  const probe = await fetch(url, { headers });
  const body = await probe.json();
  const raw = await context.pool.query(RAW_MONTH_SQL, [data.workspaceId, range.from, range.to]);
  if (probe.status !== 200 || body.posts.length !== raw.rowCount) {
    throw new Error(
      `calendar probe: HTTP ${probe.status}, ${body.posts?.length} posts via the API, ${raw.rowCount} rows via SQL`,
    );
  }
  const reps = [];
  for (let rep = 0; rep < options.reps; rep++) {
    const gaungRun = await cannon({ url, headers, connections: options.connections, duration: options.durationS });
    const rawRun = await rawQueryLoad(
      context,
      [data.workspaceId, range.from, range.to],
      options.connections,
      options.durationS * 1000,
    );
    reps.push({
      postsPerView: raw.rowCount,
      ...gaungRun,
      rawRequestsPerS: rawRun.requestsPerS,
      rawP50Ms: rawRun.p50Ms,
      rawP99Ms: rawRun.p99Ms,
      ratioP99: gaungRun.p99Ms / rawRun.p99Ms,
      ratioThroughput: rawRun.requestsPerS / gaungRun.requestsPerS,
    });
    log(
      `B2 rep ${rep + 1}: ${gaungRun.requestsPerS.toFixed(1)} req/s p99 ${gaungRun.p99Ms} ms; raw ${rawRun.requestsPerS.toFixed(1)} q/s p99 ${rawRun.p99Ms} ms`,
    );
  }
  return reps;
}

async function runScheduling(context, baseUrl) {
  const { options } = context;
  const workspace = await createWorkspace(context, {
    slug: benchSlug('sched'),
    accounts: 3,
    receiverUrl: 'http://127.0.0.1:9/hook',
  });
  try {
    const body = JSON.stringify({
      baseText: 'Aksi serentak: upah layak untuk semua pekerja!',
      targets: workspace.accountIds.map((accountId) => ({ accountId })),
      schedule: { at: '2027-05-01T09:00', zone: 'Asia/Jayapura' },
    });
    const url = `${baseUrl}/workspaces/${workspace.slug}/posts`;
    const headers = { authorization: `Bearer ${workspace.token}`, 'content-type': 'application/json' };
    const probe = await fetch(url, { method: 'POST', headers, body });
    if (probe.status !== 201) throw new Error(`scheduling probe: HTTP ${probe.status} ${await probe.text()}`);
    const reps = [];
    for (let rep = 0; rep < options.reps; rep++) {
      reps.push(
        await cannon({
          url,
          method: 'POST',
          headers,
          body,
          connections: options.connections,
          duration: options.durationS,
        }),
      );
      log(
        `B3 rep ${rep + 1}: ${reps.at(-1).requestsPerS.toFixed(1)} req/s p99 ${reps.at(-1).p99Ms} ms, non-2xx ${reps.at(-1).non2xx}`,
      );
    }
    return reps;
  } finally {
    await dropWorkspace(context, workspace);
  }
}

/** One autocannon run; requests/s counts 2xx answers only. */
async function cannon(opts) {
  const result = await autocannon({ ...opts, timeout: 30 });
  return {
    requestsPerS: result['2xx'] / (result.duration || opts.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The raw baseline: `connections` loops running the query (the month view's by default) through pg for `durationMs`. */
export async function rawQueryLoad(context, params, connections, durationMs, sql = RAW_MONTH_SQL) {
  const pool = new Pool({ connectionString: context.databaseUrl, max: connections });
  const latencies = [];
  const started = Date.now();
  const deadline = started + durationMs;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < deadline) {
          const t0 = performance.now();
          await pool.query(sql, params);
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return {
    requestsPerS: latencies.length / ((Date.now() - started) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

const log = (message) => process.stderr.write(`[bench] ${message}\n`);
