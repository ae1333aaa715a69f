import { randomBytes, randomUUID } from 'node:crypto';
import { gaung } from './context.mjs';

/** The WEBHOOK channel's signing secret in the bench (the receiver does not check it). */
const WEBHOOK_SECRET = 'bench-webhook-secret-0123456789';

/**
 * A workspace with one signed-in member and `accounts` WEBHOOK channels pointing at `receiverUrl`,
 * credentials sealed the way the application seals them. Returns ids and a bearer token.
 */
export async function createWorkspace(context, { slug, accounts, receiverUrl, role = 'EDITOR' }) {
  const client = await context.pool.connect();
  try {
    await client.query('BEGIN');
    const workspaceId = randomUUID();
    const userId = randomUUID();
    await client.query(
      `INSERT INTO "Workspace" (id, slug, name, "timeZone", "updatedAt") VALUES ($1, $2, $3, 'Asia/Jakarta', now())`,
      [workspaceId, slug, `Bench ${slug}`],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Bench', 'x', now())`,
      [userId, `${slug}@bench.gaung`],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "workspaceId", "userId", role, "updatedAt") VALUES ($1, $2, $3, $4, now())`,
      [randomUUID(), workspaceId, userId, role],
    );
    const accountIds = [];
    for (let i = 0; i < accounts; i++) {
      const id = randomUUID();
      const sealed = context.secrets.seal(JSON.stringify({ secret: WEBHOOK_SECRET }), {
        workspaceId,
        subject: `account:${id}`,
      });
      await client.query(
        `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", "baseUrl", "credentialsCiphertext", "credentialsKeyId", "updatedAt")
         VALUES ($1, $2, 'WEBHOOK', $3, $4, $5, $6, now())`,
        [id, workspaceId, `Channel ${i}`, receiverUrl, Buffer.from(sealed.ciphertext), sealed.keyId],
      );
      accountIds.push(id);
    }
    await client.query('COMMIT');
    const token = await createSession(context, userId);
    return { workspaceId, slug, userId, accountIds, token };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** A live session row for a user (only the token's SHA-256 is stored, as sign-in does). */
export async function createSession(context, userId) {
  const token = gaung.newSecretToken('gs_');
  await context.pool.query(
    `INSERT INTO "Session" (id, "userId", "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '1 day')`,
    [randomUUID(), userId, gaung.hashToken(token)],
  );
  return token;
}

/**
 * `count` APPROVED posts at version 1, one SCHEDULED target each, spread round-robin over the
 * accounts, as approval leaves them. Due times run evenly from baseDueAt over spreadMs (0: all at
 * the same instant). Returns [{ id, version, dueAt }] for the wake-ups.
 */
export async function seedScheduledTargets(
  context,
  { workspaceId, userId, accountIds, count, baseDueAt, spreadMs = 0 },
) {
  const { rows } = await context.pool.query(
    `WITH src AS (
       SELECT g, gen_random_uuid() AS post_id, gen_random_uuid() AS target_id,
              $4::timestamptz + make_interval(secs => (g * $6::float8 / GREATEST($5 - 1, 1)) / 1000) AS due
         FROM generate_series(0, $5 - 1) g),
     posts AS (
       INSERT INTO "Post" (id, "workspaceId", "authorId", "baseText", "scheduledAt", "scheduleZone", status, version, "approvedVersion", "approvedAt", "updatedAt")
       SELECT post_id, $1, $2, 'Bench: solidaritas ' || g, due, 'Asia/Jakarta', 'APPROVED', 1, 1, now(), now() FROM src
       RETURNING id)
     INSERT INTO "PostTarget" (id, "postId", "workspaceId", "accountId", state, version, "dueAt", "updatedAt")
     SELECT target_id, post_id, $1, ($3::uuid[])[g % cardinality($3::uuid[]) + 1], 'SCHEDULED', 1, due, now()
       FROM src JOIN posts ON posts.id = src.post_id
     RETURNING id::text AS id, version, "dueAt"`,
    [workspaceId, userId, accountIds, baseDueAt, count, spreadMs],
  );
  return rows;
}

/** Removes a bench workspace and everything that cascades from it (posts, targets, attempts, accounts). */
export async function dropWorkspace(context, { workspaceId, userId }) {
  await context.pool.query(`DELETE FROM "PostTarget" WHERE "workspaceId" = $1`, [workspaceId]);
  await context.pool.query(`DELETE FROM "Workspace" WHERE id = $1`, [workspaceId]);
  await context.pool.query(`DELETE FROM "User" WHERE id = $1`, [userId]);
}

/** Removes a workspace's posts (and their targets and attempts) between repetitions. */
export async function clearPosts(context, workspaceId) {
  await context.pool.query(`DELETE FROM "Post" WHERE "workspaceId" = $1`, [workspaceId]);
}

export const benchSlug = (name) => `bench-${name}-${randomBytes(4).toString('hex')}`;
