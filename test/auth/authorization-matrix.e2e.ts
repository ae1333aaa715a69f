import { OBJECT_SCOPES } from '../../src/auth/object-scopes';
import { ROLE_ORDER } from '../../src/auth/roles';
import { hashToken, newSecretToken } from '../../src/core/crypto';
import type { Role } from '../../src/core/database';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { FUZZ_SEED, NASTY_PATH_VALUES, NASTY_QUERY_VALUES, sampleBodies } from '../support/fuzz';
import { createObjects } from '../support/object-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface Operation {
  method: string;
  path: string;
  minRole?: Role;
  signedIn: boolean;
  hasBody: boolean;
  bodySchema?: JsonSchema;
  queryNames: string[];
}

type JsonSchema = Parameters<typeof sampleBodies>[0];
type OpenApiOperation = {
  'x-min-role'?: Role;
  'x-signed-in'?: boolean;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: Array<{ name: string; in: string }>;
};

/** Every route of the application, from its own OpenAPI document: a new route is covered automatically. */
async function routeTable(t: TestApp): Promise<Operation[]> {
  const doc = (await t.http().get('/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      minRole: op['x-min-role'],
      signedIn: op['x-signed-in'] === true,
      hasBody: op.requestBody !== undefined,
      bodySchema: op.requestBody?.content?.['application/json']?.schema,
      queryNames: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

function fill(path: string, workspace: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'workspace') return workspace;
    const id = ids[name];
    if (!id)
      throw new Error(
        `No fixture for path parameter {${name}} in ${path}: add it to test/support/object-fixtures.ts and src/auth/object-scopes.ts`,
      );
    return id;
  });
}

describe('authorization matrix over every route', () => {
  let t: TestApp;
  let a: FixtureWorkspace;
  let b: FixtureWorkspace;
  let idsA: Record<string, string>;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp();
    a = await createWorkspace(t.prisma);
    b = await createWorkspace(t.prisma);
    // Besides objects: a session id, and a platform's name (the OAuth start route takes it in its path).
    idsA = {
      ...(await createObjects(t.prisma, a)),
      sessionId: '00000000-0000-4000-8000-000000000000',
      platform: 'mastodon',
    };
    operations = await routeTable(t);
  });
  afterAll(() => t.close());

  const send = (op: Operation, url: string, headers: Record<string, string> = {}) => {
    const req = t.http()[op.method as 'get' | 'post' | 'patch' | 'put' | 'delete'](url).set(headers);
    return op.hasBody ? req.send({}) : req;
  };

  it('classifies every route: public, signed-in, or workspace with a minimum role', () => {
    const PUBLIC = [
      /^\/health\//,
      /^\/auth\/(login|register|password-reset)/,
      /^\/invitations\/accept-new$/,
      /^\/feeds\//,
      /^\/ical\//,
      /^\/metrics$/,
      /^\/media\/\{mediaId\}\/(\{variant\}\/)?\{signature\}$/,
      /^\/oauth\/callback\//,
    ];
    const unclassified = operations.filter((op) => !op.minRole && !op.signedIn && !PUBLIC.some((p) => p.test(op.path)));
    expect(unclassified).toEqual([]);
    const workspaceRoutes = operations.filter((op) => op.path.startsWith('/workspaces/{workspace}'));
    expect(workspaceRoutes.every((op) => op.minRole)).toBe(true);
  });

  it('answers 401 without a token, 404 to outsiders and for foreign objects, 403 below the minimum role', async () => {
    const counts = { unauthenticated: 0, outsider: 0, foreignObject: 0, belowRole: 0, allowedRead: 0 };
    const failures: string[] = [];
    const expectStatus = (label: string, actual: number, expected: number | ((s: number) => boolean)) => {
      const ok = typeof expected === 'number' ? actual === expected : expected(actual);
      if (!ok) failures.push(`${label}: got ${actual}`);
    };

    for (const op of operations) {
      const tag = `${op.method.toUpperCase()} ${op.path}`;
      if (op.signedIn && !op.minRole) {
        expectStatus(`${tag} without token`, (await send(op, fill(op.path, a.slug, idsA))).status, 401);
        counts.unauthenticated++;
        continue;
      }
      if (!op.minRole) continue;
      const urlA = fill(op.path, a.slug, idsA);
      expectStatus(`${tag} without token`, (await send(op, urlA)).status, 401);
      counts.unauthenticated++;
      expectStatus(`${tag} as outsider`, (await send(op, urlA, bearer(b.users.OWNER))).status, 404);
      counts.outsider++;
      if (Object.keys(OBJECT_SCOPES).some((name) => op.path.includes(`{${name}}`))) {
        // A's objects addressed through B, by B's owner: the objects must not be reachable.
        expectStatus(
          `${tag} foreign object`,
          (await send(op, fill(op.path, b.slug, idsA), bearer(b.users.OWNER))).status,
          404,
        );
        counts.foreignObject++;
      }
      for (const role of ROLE_ORDER) {
        const allowed = ROLE_ORDER.indexOf(role) >= ROLE_ORDER.indexOf(op.minRole);
        if (!allowed) {
          expectStatus(`${tag} as ${role}`, (await send(op, urlA, bearer(a.users[role]))).status, 403);
          counts.belowRole++;
        } else if (op.method === 'get') {
          expectStatus(`${tag} as ${role}`, (await send(op, urlA, bearer(a.users[role]))).status, (s) => s < 400);
          counts.allowedRead++;
        }
      }
    }
    const total = Object.values(counts).reduce((x, y) => x + y, 0);
    process.stdout.write(
      `authorization matrix: ${operations.length} routes, ${total} route x role cases ${JSON.stringify(counts)}\n`,
    );
    expect(failures).toEqual([]);
    expect(counts.belowRole).toBeGreaterThan(0);
  }, 120_000);

  it('answers bad bodies on every route with a 4xx and writes nothing', async () => {
    const scopedCounts = async () => ({
      audit: await t.prisma.auditEvent.count({ where: { workspaceId: a.id } }),
      members: await t.prisma.membership.count({ where: { workspaceId: a.id } }),
      posts: await t.prisma.post.count({ where: { workspaceId: a.id } }),
      targets: await t.prisma.postTarget.count({ where: { workspaceId: a.id } }),
      campaigns: await t.prisma.campaign.count({ where: { workspaceId: a.id } }),
      accounts: await t.prisma.connectedAccount.count({ where: { workspaceId: a.id } }),
      invitations: await t.prisma.invitation.count({ where: { workspaceId: a.id } }),
      tokens: await t.prisma.apiToken.count({ where: { workspaceId: a.id } }),
    });
    const before = await scopedCounts();
    const bad: string[] = [];
    let cases = 0;
    for (const op of operations.filter((o) => o.hasBody)) {
      const url = fill(op.path, a.slug, idsA);
      for (const body of [[], { unknownField__: 1 }, { name: 'x'.repeat(100_000), text: 12, role: 'KING' }]) {
        const res = await t.http()[op.method as 'post'](url).set(bearer(a.users.OWNER)).send(body);
        cases++;
        if (res.status < 400 || res.status >= 500 || !res.body.error?.message)
          bad.push(`${op.method} ${op.path} ${JSON.stringify(body).slice(0, 40)} -> ${res.status}`);
      }
    }
    process.stdout.write(`bad-input matrix: ${cases} cases\n`);
    expect(bad).toEqual([]);
    expect(await scopedCounts()).toEqual(before);
  }, 120_000);

  it('answers fuzzed bodies, path parameters and query strings on every route without a 5xx', async () => {
    // A workspace of its own: fuzzed bodies may legitimately create, hold or change things.
    const c = await createWorkspace(t.prisma);
    const objectsC = await createObjects(t.prisma, c);
    // The public routes' parameters (iCal and Atom file names, a media variant and signature) are fuzzed too.
    const idsC = {
      ...objectsC,
      sessionId: '00000000-0000-4000-8000-000000000000',
      platform: 'mastodon',
      workspaceSlug: c.slug,
      file: `${objectsC.accountId}.atom`,
      signature: 'not-a-signature',
      variant: 'thumbnail',
    };
    let owner = bearer(c.users.OWNER);
    const serverErrors: string[] = [];
    const counts = { bodies: 0, pathParameters: 0, queryStrings: 0 };
    const send = (op: Operation, url: string, body: unknown) => {
      const req = t.http()[op.method as 'post'](url).set(owner);
      return body === undefined ? req : req.set('content-type', 'application/json').send(JSON.stringify(body));
    };
    const call = async (kind: keyof typeof counts, op: Operation, url: string, body?: unknown) => {
      counts[kind]++;
      let res = await send(op, url, body);
      if (res.status === 401) {
        // A fuzzed password change or sign-out ended the owner's sessions: sign in again, retry once.
        const token = newSecretToken('gs_');
        await t.prisma.session.create({
          data: { userId: c.users.OWNER.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3600_000) },
        });
        owner = bearer({ token });
        res = await send(op, url, body);
      }
      if (res.status >= 500)
        serverErrors.push(
          `${op.method.toUpperCase()} ${url.slice(0, 120)} ${JSON.stringify(body)?.slice(0, 120) ?? ''} -> ${res.status}`,
        );
    };
    const started = Date.now();
    let seed = FUZZ_SEED;
    for (const op of operations) {
      const url = fill(op.path, c.slug, idsC);
      const bodyFor = op.hasBody ? {} : undefined;
      if (op.hasBody) for (const body of sampleBodies(op.bodySchema, 8, seed++)) await call('bodies', op, url, body);
      // Malformed parameters change nothing: these go four at a time.
      const variants = [
        ...(op.path.match(/\{\w+\}/g) ?? []).flatMap((name) =>
          NASTY_PATH_VALUES.map(
            (value) => ['pathParameters', fill(op.path.replace(name, value), c.slug, idsC)] as const,
          ),
        ),
        ...op.queryNames.flatMap((name) =>
          NASTY_QUERY_VALUES(name).map((query) => ['queryStrings', `${url}?${query}`] as const),
        ),
      ];
      for (let i = 0; i < variants.length; i += 4) {
        await Promise.all(variants.slice(i, i + 4).map(([kind, variant]) => call(kind, op, variant, bodyFor)));
      }
    }
    process.stdout.write(
      `fuzz pass (seed ${FUZZ_SEED}): ${JSON.stringify(counts)} in ${Date.now() - started} ms, ${serverErrors.length} answers 5xx\n`,
    );
    expect(serverErrors).toEqual([]);
  }, 240_000);
});
