import { startTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'operator-token-for-tests-0123456789';

describe('operator pages: /metrics and the queue dashboard', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { OPERATOR_TOKEN: TOKEN } });
  });
  afterAll(() => t.close());

  it('serves Prometheus metrics only with the operator bearer token', async () => {
    await t.http().get('/metrics').expect(401);
    await t.http().get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token-wrong').expect(401);
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.text).toContain('gaung_');
  });

  it('asks browsers for Basic credentials for the queue dashboard', async () => {
    const denied = await t.http().get('/admin/queues').expect(401);
    expect(denied.headers['www-authenticate']).toMatch(/^Basic realm="Gaung operators"/);
    const basic = `Basic ${Buffer.from(`operator:${TOKEN}`).toString('base64')}`;
    await t.http().get('/admin/queues').set('Authorization', basic).expect(200).expect('content-type', /html/);
    await t
      .http()
      .get('/admin/queues')
      .set('Authorization', `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}`)
      .expect(401);
  });
});

describe('operator pages without an operator token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves neither', async () => {
    await t.http().get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(404);
    await t.http().get('/admin/queues').expect(404);
  });
});
