import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { listen, rawRequest } from '../support/raw-http';
import { startTestApp, type TestApp } from '../support/test-app';

const KB = 1024;
const MB = 1024 * KB;
const PNG_HEADER = Buffer.from('89504e470d0a1a0a0000000d4948445200000280000001e00806000000', 'hex');
const MP4_HEADER = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const json = (bytes: number) => JSON.stringify({ email: 'a@b.id', password: 'x'.repeat(Math.max(0, bytes - 32)) });

/** Files under a directory, recursively (no upload may leave a half-written file behind). */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(entry.parentPath, entry.name)) : [entry.name],
  );

describe('request size (docs/security.md, rule 2)', () => {
  let t: TestApp;
  let small: TestApp;
  let port: number;
  let smallPort: number;
  let ws: FixtureWorkspace;
  let mediaDir: string;

  beforeAll(async () => {
    mediaDir = mkdtempSync(join(tmpdir(), 'gaung-size-'));
    t = await startTestApp({ config: { MEDIA_DIR: mediaDir, MEDIA_MAX_IMAGE_MB: '1', MEDIA_MAX_VIDEO_MB: '3' } });
    small = await startTestApp({ config: { JSON_BODY_LIMIT_KB: '16' } });
    [port, smallPort] = [await listen(t), await listen(small)];
    ws = await createWorkspace(t.prisma);
  });
  afterAll(async () => {
    await t.close();
    await small.close();
  });

  const upload = (
    headers: Record<string, string>,
    chunk: Buffer,
    totalBytes: number,
    first?: Buffer,
    stopAfterBytes?: number,
  ) =>
    rawRequest(port, {
      path: `/workspaces/${ws.slug}/media`,
      headers: { ...bearer(ws.users.EDITOR), ...headers },
      chunk,
      totalBytes,
      first,
      stopAfterBytes,
    });

  it('limits JSON bodies to 1 MiB by default, and to JSON_BODY_LIMIT_KB when set', async () => {
    expect(t.config.JSON_BODY_LIMIT_KB).toBe(1024);
    const under = await t
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send(json(MB - 100));
    expect(under.status).toBe(400); // read and validated (the password is too long), not refused for size
    const over = await t
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .send(json(MB + 1));
    expect(over.status).toBe(413);
    expect(over.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('1 MiB') });
    expect(
      (
        await small
          .http()
          .post('/auth/login')
          .set('content-type', 'application/json')
          .send(json(15 * KB))
      ).status,
    ).toBe(400);
    const overSmall = await small
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .set('accept-language', 'en')
      .send(json(17 * KB));
    expect(overSmall.status).toBe(413);
    expect(overSmall.body.error.message).toBe('The request body is too large: at most 16 KiB.');
  });

  it('refuses an announced oversized body with 413 before reading it, and closes the connection', async () => {
    // 5 MB announced, 1 KB sent: the answer can only come if the server does not wait for the rest.
    const res = await rawRequest(port, {
      path: '/auth/login',
      headers: { 'content-type': 'application/json', 'content-length': String(5 * MB) },
      chunk: Buffer.alloc(KB, 0x20),
      totalBytes: 5 * MB,
      stopAfterBytes: KB,
    });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(res.sentBytes).toBe(KB);
  });

  it('refuses a chunked body with 413 as soon as it passes the limit, without reading on', async () => {
    const total = 256 * MB;
    const res = await rawRequest(smallPort, {
      path: '/auth/login',
      headers: { 'content-type': 'application/json' },
      chunk: Buffer.alloc(64 * KB, 0x20),
      totalBytes: total,
    });
    expect(res.status).toBe(413);
    expect(res.sentBytes).toBeLessThan(total);
  });

  it('answers 415 to every body that is not JSON, on every route but the media upload', async () => {
    for (const type of [
      'application/octet-stream',
      'text/plain',
      'application/x-www-form-urlencoded',
      'image/png',
      'application/json; charset=latin1',
    ]) {
      const res = await t.http().post('/auth/login').set('content-type', type).send(Buffer.from('email=a@b.id'));
      expect({ type, status: res.status, code: res.body.error?.code }).toEqual({
        type,
        status: 415,
        code: 'unsupported_content_type',
      });
    }
    const gzip = await t
      .http()
      .post('/auth/login')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send(Buffer.from([0x1f, 0x8b]));
    expect(gzip.status).toBe(415);
    const withoutType = await rawRequest(port, {
      path: '/auth/login',
      headers: { 'content-length': '2' },
      chunk: Buffer.from('{}'),
      totalBytes: 2,
    });
    expect(withoutType.status).toBe(415);
  });

  it('answers bad JSON and bad UTF-8 with 400', async () => {
    const broken = await t.http().post('/auth/login').set('content-type', 'application/json').send('{"email":');
    expect(broken.body.error.code).toBe('malformed_json');
    const latin1 = await rawRequest(port, {
      path: '/auth/login',
      headers: { 'content-type': 'application/json' },
      chunk: Buffer.from('{"\xe9":1}', 'latin1'),
      totalBytes: 7,
    });
    expect([latin1.status, latin1.body.error?.code]).toEqual([400, 'malformed_json']);
  });

  it('streams media uploads under per-type limits: 413 by Content-Length, and while streaming, leaving nothing behind', async () => {
    const before = await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } });
    const announcedImage = await upload(
      { 'content-type': 'image/png', 'content-length': String(2 * MB) },
      Buffer.alloc(KB),
      2 * MB,
      PNG_HEADER,
      KB,
    );
    expect([announcedImage.status, announcedImage.body.error?.code, announcedImage.sentBytes]).toEqual([
      413,
      'media_too_large',
      KB,
    ]);
    const announcedVideo = await upload(
      { 'content-type': 'video/mp4', 'content-length': String(4 * MB) },
      Buffer.alloc(KB),
      4 * MB,
      MP4_HEADER,
      KB,
    );
    expect(announcedVideo.status).toBe(413);
    // Untyped and chunked: the first bytes show a PNG, so the image limit applies while streaming.
    const streamedImage = await upload(
      { 'content-type': 'application/octet-stream' },
      Buffer.alloc(64 * KB),
      64 * MB,
      PNG_HEADER,
    );
    expect([streamedImage.status, streamedImage.body.error?.message]).toEqual([413, expect.stringContaining('1 MB')]);
    expect(streamedImage.sentBytes).toBeLessThan(64 * MB);
    const streamedVideo = await upload({ 'content-type': 'video/mp4' }, Buffer.alloc(64 * KB), 64 * MB, MP4_HEADER);
    expect([streamedVideo.status, streamedVideo.body.error?.message]).toEqual([413, expect.stringContaining('3 MB')]);
    const text = await upload({ 'content-type': 'text/plain' }, Buffer.from('hello'), 5);
    expect([text.status, text.body.error?.code]).toEqual([415, 'unsupported_media']);
    expect(await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } })).toBe(before);
    expect(filesUnder(mediaDir)).toEqual([]);
    // Within its limit a chunked video is stored whole.
    const video = await upload({ 'content-type': 'video/mp4' }, Buffer.alloc(64 * KB), 2 * MB, MP4_HEADER);
    expect([video.status, video.body.kind, video.body.byteSize]).toEqual([201, 'VIDEO', 2 * MB]);
    expect(filesUnder(mediaDir)).toEqual([video.body.id]);
  });

  it('refuses an upload by a stranger or a viewer before reading a byte of it', async () => {
    const headers = { 'content-type': 'video/mp4', 'content-length': String(50 * MB) };
    const stranger = await rawRequest(port, {
      path: `/workspaces/${ws.slug}/media`,
      headers,
      chunk: Buffer.alloc(KB),
      totalBytes: 50 * MB,
      stopAfterBytes: KB,
    });
    expect([stranger.status, stranger.headers.connection]).toEqual([401, 'close']);
    const viewer = await rawRequest(port, {
      path: `/workspaces/${ws.slug}/media`,
      headers: { ...headers, ...bearer(ws.users.VIEWER) },
      chunk: Buffer.alloc(KB),
      totalBytes: 50 * MB,
      stopAfterBytes: KB,
    });
    expect(viewer.status).toBe(403);
  });
});
