import { OBJECT_SCOPES } from '../../src/auth/object-scopes';
import { ROLE_ORDER } from '../../src/auth/roles';
import type { Role } from '../../src/core/database';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { createObjects } from '../support/object-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

interface Operation {
  method: string;
  path: string;
  minRole?: Role;
  signedIn: boolean;
  hasBody: boolean;
}

type OpenApiOperation = { 'x-min-role'?: Role; 'x-signed-in'?: boolean; requestBody?: unknown };

/** Every route of the application, from its own OpenAPI document: a new route is covered automatically. */
async function routeTable(t: TestApp): Promise<Operation[]> {
  const doc = (await t.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      minRole: op['x-min-role'],
      signedIn: op['x-signed-in'] === true,
      hasBody: op.requestBody !== undefined,
    })),
  );
}

function fill(path: string, workspace: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'workspace') return workspace;
    const id = ids[name];
    if (!id) throw new Error(`No fixture for path parameter {${name}} in ${path}: add it to test/support/object-fixtures.ts and src/auth/object-scopes.ts`);
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
    idsA = { ...(await createObjects(t.prisma, a)), sessionId: '00000000-0000-4000-8000-000000000000' };
    operations = await routeTable(t);
  });
  afterAll(() => t.close());

  const send = (op: Operation, url: string, headers: Record<string, string> = {}) => {
    const req = t.http()[op.method as 'get' | 'post' | 'patch' | 'put' | 'delete'](url).set(headers);
    return op.hasBody ? req.send({}) : req;
  };

  it('classifies every route: public, signed-in, or workspace with a minimum role', () => {
    const PUBLIC = [/^\/health\//, /^\/auth\/(login|register|password-reset)/, /^\/invitations\/accept-new$/, /^\/feeds\//, /^\/ical\//, /^\/metrics$/, /^\/media\/\{mediaId\}\/\{signature\}$/, /^\/oauth\/callback\//];
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
        expectStatus(`${tag} foreign object`, (await send(op, fill(op.path, b.slug, idsA), bearer(b.users.OWNER))).status, 404);
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
    process.stdout.write(`authorization matrix: ${operations.length} routes, ${total} route x role cases ${JSON.stringify(counts)}\n`);
    expect(failures).toEqual([]);
    expect(counts.belowRole).toBeGreaterThan(0);
  });

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
        if (res.status < 400 || res.status >= 500 || !res.body.error?.message) bad.push(`${op.method} ${op.path} ${JSON.stringify(body).slice(0, 40)} -> ${res.status}`);
      }
    }
    process.stdout.write(`bad-input matrix: ${cases} cases\n`);
    expect(bad).toEqual([]);
    expect(await scopedCounts()).toEqual(before);
  });
});
