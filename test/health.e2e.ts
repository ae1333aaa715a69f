import { Agent, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';

describe('health, docs and error shape', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports live and ready with Postgres and Redis checked', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.checks.postgres.ok).toBe(true);
    expect(ready.body.checks.redis.ok).toBe(true);
  });

  it("keeps an idle connection open longer than Node's 5 s, so a client reusing it is never reset", async () => {
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health/live`;
    const call = () =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const request = get(url, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, reused: request.reusedSocket }));
        });
        request.on('error', reject);
      });
    try {
      expect(await call()).toEqual({ status: 200, reused: false });
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await call()).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('serves the OpenAPI UI and JSON with every route', async () => {
    await t.http().get('/docs').expect(200).expect('content-type', /html/);
    const json = await t.http().get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
  });

  it('answers unknown routes with a 404 in Indonesian by default and English on request', async () => {
    const id = await t.http().get('/tidak-ada').expect(404);
    expect(id.body.error).toMatchObject({ code: 'not_found', message: 'Alamat tidak ditemukan.' });
    expect(id.body.error.requestId).toBe(id.headers['x-request-id']);
    const en = await t.http().get('/nope').set('Accept-Language', 'en-GB,en;q=0.8').expect(404);
    expect(en.body.error.message).toBe('Route not found.');
  });

  it('keeps a caller-supplied request id and rejects a malformed one', async () => {
    const kept = await t.http().get('/health/live').set('X-Request-Id', 'abc-123').expect(200);
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http().get('/health/live').set('X-Request-Id', 'bad id with spaces').expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed JSON body with a 400, not a 500', async () => {
    const res = await t.http().post('/health/live').set('content-type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });
});

describe('request body limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an oversized body with 413 in the shared error shape', async () => {
    const res = await t
      .http()
      .post('/health/live')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });
});
