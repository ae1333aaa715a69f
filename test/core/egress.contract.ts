import type { Egress } from '../../src/core/egress';
import { ContractServer, sendJson } from '../contracts/contract-server';
import { testEgress } from '../support/test-config';

/**
 * The egress client itself against a server that closes each connection after answering without
 * saying so (the contract servers' closesSilently mode; docs/publishing.md, "Stale connections"):
 * a read that meets the closed connection is sent once more on a fresh one, a write never goes out
 * on a reused connection, and a write whose connection is reset is never sent twice.
 */
describe('Egress against a server that closes connections silently', () => {
  let server: ContractServer;
  let egress: Egress;
  const url = (path: string) => `${server.baseUrl}${path}`;

  beforeAll(async () => {
    server = new ContractServer()
      .route('GET', '/read', (_req, res) => sendJson(res, 200, { read: true }))
      .route('POST', '/write', (_req, res) => sendJson(res, 201, { written: true }))
      // Read, then the connection is reset before any answer: the server may have acted on it.
      .route('POST', '/write-then-reset', (_req, res) => void res.socket?.resetAndDestroy());
    server.closesSilently = true;
    await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    // A client of its own per test: no kept-alive connection left over from another test.
    egress = testEgress();
    server.requests.length = 0;
    server.silentResets = 0;
  });
  afterEach(() => egress.onModuleDestroy());

  it('a GET after a GET succeeds: one reset on the reused connection, one retry on a fresh one', async () => {
    expect((await egress.request({ method: 'GET', url: url('/read') })).data).toEqual({ read: true });
    expect((await egress.request({ method: 'GET', url: url('/read') })).data).toEqual({ read: true });
    expect(server.silentResets).toBe(1);
    // Both reads that were answered came on fresh connections.
    expect(server.requestsTo('GET', /^\/read$/).map((r) => r.onConnection)).toEqual([0, 0]);
  });

  it('a POST is never sent on a reused connection: after a GET left one open, it goes out fresh, once', async () => {
    await egress.request({ method: 'GET', url: url('/read') });
    const written = await egress.request({ method: 'POST', url: url('/write'), data: { text: 'Solidaritas' } });
    expect(written.status).toBe(201);
    expect(server.silentResets).toBe(0);
    expect(server.requestsTo('POST', /^\/write$/).map((r) => r.onConnection)).toEqual([0]);
    // And a second write after it: fresh again, never on the first one's connection.
    await egress.request({ method: 'POST', url: url('/write'), data: { text: 'Solidaritas 2' } });
    expect(server.silentResets).toBe(0);
    expect(server.requestsTo('POST', /^\/write$/).map((r) => r.onConnection)).toEqual([0, 0]);
  });

  it('a POST whose connection is reset is not sent twice: the reset comes back to the caller', async () => {
    await expect(
      egress.request({ method: 'POST', url: url('/write-then-reset'), data: { text: 'Sekali saja' } }),
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.requestsTo('POST', /^\/write-then-reset$/)).toHaveLength(1);
  });
});
