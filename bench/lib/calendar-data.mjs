import { randomUUID } from 'node:crypto';

/** The calendar dataset's time span: fixed, so a seeded database can be reused across runs. */
export const SPAN = { from: '2025-01-01T00:00:00Z', days: 730 };
/** The month the B2 view asks for (a local date in the workspace zone). */
export const ANCHOR = '2025-06-15';
const WORKSPACES_PER_STATEMENT = 10;

/**
 * `posts` posts over `workspaces` workspaces (one member, one channel, one campaign each), seeded
 * with generate_series in a few large statements. Every post is APPROVED with one PUBLISHED or
 * FAILED target, so the engine and the sweeper have nothing to do with them. A dataset with the same
 * tag and size is reused; returns its first workspace and that member.
 */
export async function ensureCalendarData(context, { posts, workspaces, tag }) {
  const slugOf = (i) => `bench-cal-${tag}-${String(i).padStart(3, '0')}`;
  const label = `Bench calendar ${posts} posts`;
  const existing = await context.pool.query(
    `SELECT w.id, w.slug, m."userId" FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w.id WHERE w.slug = $1 AND w.name = $2`,
    [slugOf(0), label],
  );
  if (existing.rowCount === 1) {
    const { rows } = await context.pool.query(`SELECT count(*)::int AS n FROM "Workspace" WHERE slug LIKE $1`, [
      `bench-cal-${tag}-%`,
    ]);
    if (rows[0].n === workspaces)
      return {
        workspaceId: existing.rows[0].id,
        slug: existing.rows[0].slug,
        userId: existing.rows[0].userId,
        seededMs: 0,
        reused: true,
      };
  }
  await dropCalendarData(context, tag);
  const started = Date.now();
  const perWorkspace = Math.floor(posts / workspaces);
  const client = await context.pool.connect();
  try {
    await client.query('SET synchronous_commit = off');
    const ids = [];
    for (let i = 0; i < workspaces; i++) {
      const row = {
        workspaceId: randomUUID(),
        userId: randomUUID(),
        accountId: randomUUID(),
        campaignId: randomUUID(),
        slug: slugOf(i),
      };
      await client.query(
        `INSERT INTO "Workspace" (id, slug, name, "timeZone", "updatedAt") VALUES ($1, $2, $3, 'Asia/Jakarta', now())`,
        [row.workspaceId, row.slug, label],
      );
      await client.query(
        `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Bench', 'x', now())`,
        [row.userId, `${row.slug}@bench.gaung`],
      );
      await client.query(
        `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'EDITOR', now())`,
        [randomUUID(), row.workspaceId, row.userId],
      );
      await client.query(
        `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", "baseUrl", "updatedAt") VALUES ($1, $2, 'WEBHOOK', 'Kanal', 'http://127.0.0.1:9/hook', now())`,
        [row.accountId, row.workspaceId],
      );
      await client.query(
        `INSERT INTO "Campaign" (id, "workspaceId", name, "timeZone", "updatedAt") VALUES ($1, $2, 'Kampanye upah layak', 'Asia/Jakarta', now())`,
        [row.campaignId, row.workspaceId],
      );
      ids.push(row);
    }
    for (let i = 0; i < ids.length; i += WORKSPACES_PER_STATEMENT) {
      const chunk = ids.slice(i, i + WORKSPACES_PER_STATEMENT);
      await client.query(
        `INSERT INTO "Post" (id, "workspaceId", "campaignId", "authorId", "baseText", "scheduledAt", "scheduleZone", status, version, "approvedVersion", "approvedAt", "updatedAt")
         SELECT gen_random_uuid(), ws.w, CASE WHEN g % 3 = 0 THEN ws.c END, ws.u,
                'Buruh bersatu! Upah layak untuk semua pekerja. #' || g,
                $4::timestamptz + make_interval(secs => g * ($5::float8 * 86400 / $6) + (hashint4(g) % 600)),
                'Asia/Jakarta', 'APPROVED', 1, 1, now(), now()
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS ws(w, u, c), generate_series(0, $6 - 1) g`,
        [
          chunk.map((r) => r.workspaceId),
          chunk.map((r) => r.userId),
          chunk.map((r) => r.campaignId),
          SPAN.from,
          SPAN.days,
          perWorkspace,
        ],
      );
      await client.query(
        `INSERT INTO "PostTarget" (id, "postId", "workspaceId", "accountId", state, version, "dueAt", "publishedAt", "updatedAt")
         SELECT gen_random_uuid(), p.id, p."workspaceId", ws.a, CASE WHEN random() < 0.05 THEN 'FAILED'::"DeliveryState" ELSE 'PUBLISHED'::"DeliveryState" END,
                1, p."scheduledAt", p."scheduledAt", now()
           FROM unnest($1::uuid[], $2::uuid[]) AS ws(w, a) JOIN "Post" p ON p."workspaceId" = ws.w`,
        [chunk.map((r) => r.workspaceId), chunk.map((r) => r.accountId)],
      );
      process.stderr.write(
        `[bench] calendar data: ${Math.min(i + WORKSPACES_PER_STATEMENT, ids.length) * perWorkspace} posts\n`,
      );
    }
    await client.query('ANALYZE "Post"');
    await client.query('ANALYZE "PostTarget"');
    return {
      workspaceId: ids[0].workspaceId,
      slug: ids[0].slug,
      userId: ids[0].userId,
      seededMs: Date.now() - started,
      reused: false,
    };
  } finally {
    client.release();
  }
}

/** Removes a calendar dataset (its workspaces cascade to posts and targets; targets first, their account FK does not cascade). */
export async function dropCalendarData(context, tag) {
  const pattern = `bench-cal-${tag}-%`;
  await context.pool.query(
    `DELETE FROM "PostTarget" t USING "Workspace" w WHERE w.id = t."workspaceId" AND w.slug LIKE $1`,
    [pattern],
  );
  await context.pool.query(`DELETE FROM "Workspace" WHERE slug LIKE $1`, [pattern]);
  await context.pool.query(`DELETE FROM "User" WHERE email LIKE $1`, [`${pattern}@bench.gaung`]);
}
