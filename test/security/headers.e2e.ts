import { createHash } from 'node:crypto';
import { loadConfig } from '../../src/core/config';
import { startTestApp, type TestApp } from '../support/test-app';
import { testConfig } from '../support/test-config';

type Csp = Record<string, string[]>;

function parseCsp(header: string | undefined): Csp {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

/** Whether a CSP lets a page load a same-origin resource of a kind, falling back as browsers do. */
const allows = (csp: Csp, directive: string, source: string) =>
  (csp[directive] ?? csp['default-src'] ?? []).includes(source);

/** Whether an inline <style> element may apply: 'unsafe-inline' or its sha256 hash in style-src(-elem). */
function allowsInlineStyle(csp: Csp, css: string): boolean {
  const sources = csp['style-src-elem'] ?? csp['style-src'] ?? csp['default-src'] ?? [];
  const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  return (
    sources.includes(hash) ||
    (sources.includes("'unsafe-inline'") && !sources.some((s) => s.startsWith("'sha256-") || s.startsWith("'nonce-")))
  );
}

describe('security headers and CORS (docs/security.md, rule 14)', () => {
  let t: TestApp;
  let withCors: TestApp;
  beforeAll(async () => {
    // Behind a TLS-terminating proxy on the same host, which TRUST_PROXY names (off by default).
    t = await startTestApp({ config: { TRUST_PROXY: 'loopback' } });
    withCors = await startTestApp({ config: { CORS_ORIGINS: 'https://app.serikat.id, http://localhost:5173' } });
  });
  afterAll(async () => {
    await t.close();
    await withCors.close();
  });

  it('sends nosniff, frame-ancestors, the CSP, Referrer-Policy on every answer, errors included; HSTS only over https', async () => {
    const answers = [
      await t.http().get('/health/live'),
      await t.http().get('/no/such/route'),
      await t.http().post('/auth/login').set('content-type', 'text/plain').send('x'),
      await t.http().get('/workspaces/%00'),
    ];
    expect(answers.map((res) => res.status)).toEqual([200, 404, 415, 400]);
    for (const res of answers) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      const csp = parseCsp(res.headers['content-security-policy']);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
    // Behind a TLS-terminating proxy on the same host (trusted), the request was https.
    const https = await t.http().get('/health/live').set('x-forwarded-proto', 'https');
    expect(https.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
    // Without TRUST_PROXY anyone could claim https: the header is not believed.
    const claimed = await withCors.http().get('/health/live').set('x-forwarded-proto', 'https');
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets the web app at /app load what a Vite build of React, Mantine and FullCalendar needs, and nothing inline but styles', async () => {
    const csp = parseCsp((await t.http().get('/app/calendar')).headers['content-security-policy']);
    expect(csp).toMatchObject({
      'script-src': ["'self'"],
      // Mantine injects its theme's CSS variables as a <style> element at run time.
      'style-src': ["'self'", "'unsafe-inline'"],
      'style-src-attr': ["'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'connect-src': ["'self'"],
    });
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
  });

  it('keeps the OpenAPI UI at /docs working under its CSP: every script, stylesheet and inline style it references is allowed and served', async () => {
    const page = await t.http().get('/docs').redirects(1);
    expect(page.status).toBe(200);
    const csp = parseCsp(page.headers['content-security-policy']);
    const html = page.text;
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    const external = scripts
      .map((m) => /src=["']([^"']+)["']/.exec(m[1]!)?.[1])
      .filter((src): src is string => Boolean(src));
    expect(external.length).toBeGreaterThan(0);
    // No inline script runs: scripts come from our own origin only.
    expect(scripts.filter((m) => !/src=/.test(m[1]!) && m[2]!.trim() !== '')).toEqual([]);
    expect(csp['script-src']).toEqual(["'self'"]);
    const stylesheets = [...html.matchAll(/<link[^>]*rel=["'](?:stylesheet|icon)["'][^>]*>/g)].map(
      (m) => /href=["']([^"']+)["']/.exec(m[0])![1]!,
    );
    for (const url of [...external, ...stylesheets]) {
      expect(url).not.toMatch(/^(https?:)?\/\//); // same origin
      const asset = await t.http().get(new URL(url, 'http://gaung.test/docs').pathname);
      expect({ url, status: asset.status }).toEqual({ url, status: 200 });
    }
    expect(
      allows(csp, 'script-src', "'self'") && allows(csp, 'style-src', "'self'") && allows(csp, 'img-src', "'self'"),
    ).toBe(true);
    for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) expect(allowsInlineStyle(csp, css!)).toBe(true);
    // The UI draws its icons from data: URLs and reads the document from our origin.
    expect(allows(csp, 'img-src', 'data:') && allows(csp, 'connect-src', "'self'")).toBe(true);
  });

  it('answers no cross-origin request unless CORS_ORIGINS names the origin', async () => {
    expect(t.config.CORS_ORIGINS).toEqual([]);
    const closed = await t
      .http()
      .options('/auth/login')
      .set('origin', 'https://app.serikat.id')
      .set('access-control-request-method', 'POST');
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    expect(
      (await t.http().get('/health/live').set('origin', 'https://evil.example')).headers['access-control-allow-origin'],
    ).toBeUndefined();

    const preflight = await withCors
      .http()
      .options('/auth/login')
      .set('origin', 'https://app.serikat.id')
      .set('access-control-request-method', 'POST');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.serikat.id',
      'access-control-allow-credentials': 'true',
    });
    const stranger = await withCors.http().get('/health/live').set('origin', 'https://evil.example');
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a CORS_ORIGINS entry that is not an origin', () => {
    expect(() => testConfig({ CORS_ORIGINS: 'https://app.serikat.id/login' })).toThrow(/CORS_ORIGINS/);
    expect(() => testConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(
      loadConfig({
        DATABASE_URL: 'postgresql://x@127.0.0.1/db',
        CREDENTIAL_KEYS: `k:${Buffer.alloc(32).toString('base64')}`,
      }).CORS_ORIGINS,
    ).toEqual([]);
  });
});
