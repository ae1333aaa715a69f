import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/test-app';

describe('the web app at /app', () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'gaung-web-dist-'));
  const asset = 'index-Cn7IbDUw.js';

  beforeAll(async () => {
    // A stand-in for web/dist: the serving rules do not depend on what Vite put in it.
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Gaung</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', asset), 'console.log("gaung")');
    t = await startTestApp({ config: { WEB_DIST_DIR: dist } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html at /app/ revalidated on every visit', async () => {
    const page = await t.http().get('/app/').expect(200).expect('content-type', /html/);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets cached for a year', async () => {
    const script = await t
      .http()
      .get(`/app/assets/${asset}`)
      .expect(200)
      .expect('content-type', /javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers a deep link with index.html (no-cache) so the app can route it', async () => {
    const page = await t.http().get('/app/kspi/calendar?view=week&zone=WIT').expect(200).expect('content-type', /html/);
    expect(page.text).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with a 404, never with HTML in place of a script', async () => {
    const missing = await t.http().get('/app/assets/index-00000000.js').expect(404);
    expect(missing.headers['content-type']).toMatch(/json/);
  });

  it('redirects / to /app/', async () => {
    await t.http().get('/').expect(302).expect('location', '/app/');
  });

  it('leaves the API routes alone', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    await t.http().get('/nope').expect(404);
  });
});
