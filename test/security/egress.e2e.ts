import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAxiosError } from 'axios';
import { SecretBox } from '../../src/core/crypto';
import { Egress, EgressRefusedError } from '../../src/core/egress';
import { guardedLookup } from '../../src/core/egress/guarded-lookup';
import { AllowList } from '../../src/core/egress/address-policy';
import { PlatformHttp, PublishError } from '../../src/publishers';
import { WebhookPublisher } from '../../src/publishers/webhook/webhook.publisher';
import { WebhookDeliveryService } from '../../src/notifications/webhook-delivery.service';
import { createFixture, removeFixtures, scheduleTarget, waitForState } from '../publishing/engine-fixtures';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { testConfig, testEgress } from '../support/test-config';

/** Every loopback, private, link-local, CGNAT, multicast, unspecified and metadata spelling we know. */
const REFUSED_HOSTS = [
  '127.0.0.1',
  '127.1',
  '127.0.1',
  '2130706433',
  '0177.0.0.1',
  '0x7f.0.0.1',
  '0x7f000001',
  '017700000001',
  '127.255.255.254',
  '[::1]',
  '[0:0:0:0:0:0:0:1]',
  '[::ffff:127.0.0.1]',
  '[::ffff:7f00:1]',
  '[0:0:0:0:0:ffff:127.0.0.1]',
  '[64:ff9b::127.0.0.1]',
  '0.0.0.0',
  '0',
  '[::]',
  'localhost',
  'LOCALHOST',
  '169.254.169.254',
  '[fd00:ec2::254]',
  '100.100.100.200',
  '[::ffff:169.254.169.254]',
  '100.64.0.1',
  '100.127.255.254',
  '10.0.0.1',
  '172.16.0.1',
  '192.168.1.1',
  '[fc00::1]',
  '[fe80::1]',
  '169.254.0.1',
  '224.0.0.1',
  '[ff02::1]',
  '255.255.255.255',
  '198.18.0.1',
];

/** A listener on every loopback address (dual stack): whatever reaches it counts as a leak. */
async function listenEverywhere(
  answer: (path: string) => { status: number; body: string; headers?: Record<string, string> },
) {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.headers.host}${req.url}`);
    const reply = answer(req.url ?? '/');
    res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  return {
    hits,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const INTERNAL_BODY = 'internal-admin-panel: root password is hunter2';

async function outcomeOf(promise: Promise<unknown>): Promise<EgressRefusedError | unknown> {
  try {
    await promise;
    return 'answered';
  } catch (error) {
    if (isAxiosError(error) && error.cause instanceof EgressRefusedError) return error.cause;
    return error;
  }
}

describe('one guarded egress (issue #15 item 5)', () => {
  let inside: Awaited<ReturnType<typeof listenEverywhere>>;
  const denying = () => new Egress(testConfig({ EGRESS_ALLOW: '' }));
  beforeAll(async () => {
    inside = await listenEverywhere(() => ({ status: 200, body: INTERNAL_BODY }));
  });
  afterAll(() => inside.close());

  it('refuses every spelling of a non-public address before connecting, and the default allows none', async () => {
    const egress = denying();
    const outcomes: Record<string, string> = {};
    for (const host of REFUSED_HOSTS) {
      const outcome = await outcomeOf(egress.request({ url: `http://${host}:${inside.port}/probe`, timeout: 1000 }));
      outcomes[host] = outcome instanceof EgressRefusedError ? 'refused' : `NOT refused: ${String(outcome)}`;
    }
    expect(Object.entries(outcomes).filter(([, outcome]) => outcome !== 'refused')).toEqual([]);
    expect(inside.hits).toEqual([]);
    egress.onModuleDestroy();
  });

  it('reaches the same addresses once EGRESS_ALLOW admits them (so the refusals above are the guard, not the network)', async () => {
    const egress = new Egress(testConfig({ EGRESS_ALLOW: '127.0.0.0/8,::1' }));
    for (const host of ['127.1', '2130706433', '0177.0.0.1', '[::1]', '[::ffff:127.0.0.1]', 'localhost']) {
      expect((await egress.request({ url: `http://${host}:${inside.port}/allowed`, timeout: 2000 })).status).toBe(200);
    }
    expect(inside.hits).toHaveLength(6);
    inside.hits.length = 0;
    egress.onModuleDestroy();
  });

  it('admits a host name on the allow-list whatever it resolves to, and nothing else on that address', async () => {
    const egress = new Egress(testConfig({ EGRESS_ALLOW: 'localhost' }));
    expect((await egress.request({ url: `http://localhost:${inside.port}/by-name`, timeout: 2000 })).status).toBe(200);
    expect(
      await outcomeOf(egress.request({ url: `http://127.0.0.1:${inside.port}/by-address`, timeout: 2000 })),
    ).toBeInstanceOf(EgressRefusedError);
    expect(inside.hits).toHaveLength(1);
    inside.hits.length = 0;
    egress.onModuleDestroy();
  });

  it('connects only to resolved addresses it checked: a name answering public and loopback gets the public one only', () => {
    const lookup = guardedLookup(new AllowList([]), ((
      _host: string,
      _options: unknown,
      callback: (error: null, addresses: Array<{ address: string; family: number }>) => void,
    ) =>
      callback(null, [
        { address: '127.0.0.1', family: 4 },
        { address: '93.184.215.14', family: 4 },
        { address: '::1', family: 6 },
      ])) as never);
    const answers: unknown[] = [];
    lookup('rebinding.example', { all: true }, (error, addresses) => answers.push(error ?? addresses));
    lookup('rebinding.example', {}, (error, address) => answers.push(error ?? address));
    expect(answers).toEqual([[{ address: '93.184.215.14', family: 4 }], '93.184.215.14']);
    const privateOnly = guardedLookup(new AllowList([]), ((
      _host: string,
      _options: unknown,
      callback: (error: null, addresses: Array<{ address: string; family: number }>) => void,
    ) => callback(null, [{ address: '10.1.2.3', family: 4 }])) as never);
    privateOnly('intranet.example', {}, (error) => answers.push(error));
    expect(answers[2]).toBeInstanceOf(EgressRefusedError);
  });

  it('never follows a redirect: a 302 to another loopback address comes back, and going there is refused', async () => {
    const other = await new Promise<Server>((resolve) => {
      const server = createServer((_req, res) => res.end(INTERNAL_BODY)).listen(0, '127.0.0.2', () => resolve(server));
    });
    const otherPort = (other.address() as AddressInfo).port;
    const redirecting = await listenEverywhere(() => ({
      status: 302,
      body: '',
      headers: { location: `http://127.0.0.2:${otherPort}/secret` },
    }));
    const otherHits: string[] = [];
    other.on('request', (req) => otherHits.push(req.url ?? ''));
    const egress = new Egress(testConfig({ EGRESS_ALLOW: '127.0.0.1' }));
    try {
      const response = await egress.request({ url: `http://127.0.0.1:${redirecting.port}/start`, timeout: 2000 });
      expect(response.status).toBe(302);
      expect(
        await outcomeOf(egress.request({ url: response.headers.location as string, timeout: 2000 })),
      ).toBeInstanceOf(EgressRefusedError);
      expect(otherHits).toEqual([]);
    } finally {
      egress.onModuleDestroy();
      await redirecting.close();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('checks an address kept for later without sending anything; a name that does not resolve yet is not refused', async () => {
    const egress = denying();
    await expect(egress.check(`http://localhost:${inside.port}/hook`)).rejects.toBeInstanceOf(EgressRefusedError);
    await expect(egress.check(`http://[::ffff:10.0.0.1]/hook`)).rejects.toBeInstanceOf(EgressRefusedError);
    await expect(egress.check('https://receiver.invalid/hook')).resolves.toBeUndefined();
    expect(inside.hits).toEqual([]);
    egress.onModuleDestroy();
  });

  it('ignores the environment proxy, unix sockets, fetch, HTTP/2 and lookups a caller passes', async () => {
    const egress = denying();
    const outcome = await outcomeOf(
      egress.request({
        url: `http://127.0.0.1:${inside.port}/`,
        socketPath: '/var/run/docker.sock',
        proxy: { host: '127.0.0.1', port: inside.port },
      }),
    );
    expect(outcome).toBeInstanceOf(EgressRefusedError);
    expect(await outcomeOf(egress.request({ url: 'file:///etc/passwd' }))).toBeInstanceOf(EgressRefusedError);
    for (const other of [
      { adapter: 'fetch' as const },
      { httpVersion: 2 },
      { lookup: (_h: string, _o: unknown, cb: (e: null, a: string, f: number) => void) => cb(null, '127.0.0.1', 4) },
    ]) {
      expect(
        await outcomeOf(egress.request({ url: `http://localhost:${inside.port}/`, timeout: 1000, ...other } as never)),
      ).toBeInstanceOf(EgressRefusedError);
    }
    expect(inside.hits).toEqual([]);
    egress.onModuleDestroy();
  });

  it("shows an admitted receiver's own words for a 500, cut short (only admitted addresses are ever reached)", async () => {
    const failing = await listenEverywhere(() => ({ status: 500, body: INTERNAL_BODY }));
    const publisher = new WebhookPublisher(new PlatformHttp(testEgress()));
    const account = {
      accountId: 'a',
      workspaceId: 'w',
      platform: 'WEBHOOK' as const,
      externalId: null,
      handle: null,
      settings: {},
      baseUrl: `http://127.0.0.1:${failing.port}/hook`,
      credentials: { secret: 'x'.repeat(32) },
      saveRefreshedCredentials: async () => {},
    };
    const error = await publisher
      .publish({
        account,
        targetId: 't',
        version: 1,
        idempotencyKey: 'k',
        content: { text: 'hi', title: null, media: [] },
        signal: AbortSignal.timeout(2000),
      } as never)
      .catch((e: unknown) => e);
    await failing.close();
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).message).toBe(`The webhook receiver answered HTTP 500: ${INTERNAL_BODY}`);
    expect(PublishError.permanent('x.400', 'y'.repeat(5000)).message.length).toBeLessThanOrEqual(300);
  });
});

describe('the guarded egress behind the API and the worker (no allow-list)', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let inside: Awaited<ReturnType<typeof listenEverywhere>>;
  const tally = { tried: 0, refused: 0, serverErrors: 0 };
  beforeAll(async () => {
    inside = await listenEverywhere(() => ({
      status: 200,
      body: JSON.stringify({ id: '1', username: 'root', display_name: INTERNAL_BODY, name: INTERNAL_BODY }),
    }));
    t = await startTestApp({ roles: ['api', 'worker'], config: { EGRESS_ALLOW: '', PUBLISH_TIMEOUT_MS: '2000' } });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await removeFixtures(t.prisma);
    await t.close();
    await inside.close();
  });

  const count = (status: number, code: string | undefined) => {
    tally.tried++;
    if (status === 422 && code === 'address_not_allowed') tally.refused++;
    if (status >= 500) tally.serverErrors++;
  };

  it("refuses to connect or check an account at any internal spelling: 422 in the caller's language, nothing stored", async () => {
    // Every spelling through one platform's check; a sample through the others (the same guard).
    const sample = new Set(['127.1', '0177.0.0.1', '[::ffff:127.0.0.1]', 'localhost', '169.254.169.254', '[fe80::1]']);
    for (const host of REFUSED_HOSTS) {
      const url = `http://${host}:${inside.port}`;
      for (const form of [
        { platform: 'MASTODON', instanceUrl: url, accessToken: 'token-0123456789' },
        ...(sample.has(host)
          ? [
              { platform: 'WORDPRESS', siteUrl: url, username: 'admin', applicationPassword: 'abcd efgh ijkl mnop' },
              // Nothing is sent to a webhook at connect time; its address is still refused then, not at every publish.
              { platform: 'WEBHOOK', url: `${url}/hook` },
            ]
          : []),
      ]) {
        const res = await t
          .http()
          .post(`/workspaces/${ws.slug}/accounts`)
          .set(bearer(ws.users.ADMIN))
          .set('accept-language', 'en')
          .send(form);
        count(res.status, res.body.error?.code);
        expect({ host, status: res.status, code: res.body.error?.code }).toEqual({
          host,
          status: 422,
          code: 'address_not_allowed',
        });
      }
    }
    const id = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts`)
      .set(bearer(ws.users.ADMIN))
      .send({ platform: 'MASTODON', instanceUrl: `http://127.1:${inside.port}`, accessToken: 'token-0123456789' });
    expect(id.body.error.message).toContain('bukan alamat publik');
    const mastodonOAuth = await t
      .http()
      .post(`/workspaces/${ws.slug}/accounts/oauth/mastodon/start`)
      .set(bearer(ws.users.ADMIN))
      .send({ instanceUrl: `http://[::ffff:127.0.0.1]:${inside.port}` });
    count(mastodonOAuth.status, mastodonOAuth.body.error?.code);
    expect(mastodonOAuth.body.error?.code).toBe('address_not_allowed');
    expect(inside.hits).toEqual([]);
    expect(await t.prisma.connectedAccount.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(tally.serverErrors).toBe(0);
    expect(tally).toEqual({ tried: REFUSED_HOSTS.length + 2 * sample.size + 1, refused: tally.tried, serverErrors: 0 });
  }, 120_000);

  it('fails a delivery to an account whose address is internal without sending it (PERMANENT, no body read back)', async () => {
    const fixture = await createFixture(t, { baseUrl: `http://0x7f.1:${inside.port}/hook` });
    const { targetId } = await scheduleTarget(t, fixture, new Date(Date.now() + 100));
    const target = await waitForState(t.prisma, targetId, ['FAILED', 'PUBLISHED', 'UNCONFIRMED']);
    expect({ state: target.state, code: target.lastErrorCode }).toEqual({
      state: 'FAILED',
      code: 'webhook.address_refused',
    });
    expect(target.lastError).not.toContain('hunter2');
    expect(inside.hits).toEqual([]);
  });

  it('sends no notification webhook to an internal endpoint', async () => {
    const fixture = await createFixture(t);
    const box = t.app.get(SecretBox);
    const placeholder = box.seal('-', { workspaceId: fixture.workspaceId, subject: 'webhook:placeholder' });
    const endpoint = await t.prisma.webhookEndpoint.create({
      data: {
        workspaceId: fixture.workspaceId,
        url: `http://[::1]:${inside.port}/notify`,
        secretCiphertext: placeholder.ciphertext,
        secretKeyId: placeholder.keyId,
      },
    });
    const sealed = box.seal('s'.repeat(32), { workspaceId: fixture.workspaceId, subject: `webhook:${endpoint.id}` });
    await t.prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId },
    });
    const notification = await t.prisma.notification.create({
      data: {
        workspaceId: fixture.workspaceId,
        kind: 'TARGET_FAILED',
        params: { post: 'p', reason: 'hi' },
        subjectType: 'POST',
        subjectId: 'p',
      },
    });
    await expect(
      t.app.get(WebhookDeliveryService).deliver({ notificationId: notification.id, endpointId: endpoint.id }),
    ).rejects.toBeInstanceOf(EgressRefusedError);
    expect(inside.hits).toEqual([]);
  });
});
