import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaStore } from '../../src/media/media-store';
import { MediaService } from '../../src/media/media.service';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** A valid PNG header (signature + IHDR of a 640x480 image) followed by padding. */
function png(bytes = 64): Buffer {
  const header = Buffer.from('89504e470d0a1a0a0000000d4948445200000280000001e00806000000', 'hex');
  return Buffer.concat([header, Buffer.alloc(Math.max(0, bytes - header.length))]);
}

describe('media library', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  beforeAll(async () => {
    t = await startTestApp({ config: { MEDIA_DIR: mkdtempSync(join(tmpdir(), 'gaung-media-')), MEDIA_MAX_IMAGE_MB: '1' } });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, type = 'image/png', query = '') =>
    t.http().post(`/workspaces/${ws.slug}/media${query}`).set(bearer(ws.users.EDITOR)).set('content-type', type).send(body);

  it('stores an image by its real type with size and alt text, and serves it at a signed URL', async () => {
    const res = await upload(png(), 'application/octet-stream', '?alt=Spanduk%20aksi').expect(201);
    expect(res.body).toMatchObject({ kind: 'IMAGE', mimeType: 'image/png', width: 640, height: 480, altText: 'Spanduk aksi', byteSize: 64 });
    const [item] = await t.app.get(MediaService).itemsForPost(ws.id, await attachToPost(res.body.id));
    expect(item!.publicUrl).toMatch(new RegExp(`/media/${res.body.id}/[A-Za-z0-9_-]{43}$`));
    expect((await item!.read()).equals(png())).toBe(true);
    const served = await t.http().get(new URL(item!.publicUrl).pathname).expect(200).expect('content-type', 'image/png');
    expect(Buffer.from(served.body).equals(png())).toBe(true);
    await t.http().get(`/media/${res.body.id}/${'x'.repeat(43)}`).expect(404);
    await t.http().patch(`/workspaces/${ws.slug}/media/${res.body.id}`).set(bearer(ws.users.EDITOR)).send({ altText: 'Buruh berbaris' }).expect(200);
  });

  it('lists media with size, alt text and a signed preview URL that expires, for the composer\'s thumbnails', async () => {
    const uploaded = (await upload(png(), 'image/png', '?alt=Poster%20mogok').expect(201)).body;
    const other = (await upload(png()).expect(201)).body;
    const list = await t.http().get(`/workspaces/${ws.slug}/media`).set(bearer(ws.users.VIEWER)).expect(200);
    const item = list.body.find((m: { id: string }) => m.id === uploaded.id);
    expect(item).toMatchObject({ width: 640, height: 480, byteSize: 64, altText: 'Poster mogok', mimeType: 'image/png' });
    const ttl = t.config.MEDIA_PREVIEW_TTL_SECONDS;
    const lifetime = Date.parse(item.previewExpiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan((ttl - 5) * 1000);
    expect(lifetime).toBeLessThanOrEqual(2 * ttl * 1000);
    const path = new URL(item.previewUrl).pathname;
    expect(path).toMatch(new RegExp(`^/media/${uploaded.id}/\\d+\\.[A-Za-z0-9_-]{43}$`));
    const served = await t.http().get(path).expect(200).expect('content-type', 'image/png');
    expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    expect(Buffer.from(served.body).equals(png())).toBe(true);
    // Another expiry with the same signature, an expired URL and another media's signature: 404.
    const [, , , expires, signature] = path.split(/[/.]/);
    await t.http().get(`/media/${uploaded.id}/${Number(expires) + 1}.${signature}`).expect(404);
    const expired = t.app.get(MediaStore).previewUrl(uploaded.id, Date.now() - 3 * ttl * 1000);
    await t.http().get(new URL(expired.url).pathname).expect(404);
    await t.http().get(`/media/${other.id}/${expires}.${signature}`).expect(404);
  });

  it('refuses empty, unknown and oversized uploads, and viewers, writing nothing', async () => {
    const before = await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } });
    expect((await upload(Buffer.alloc(0))).status).toBe(400);
    const unknown = await upload(Buffer.from('%PDF-1.7 not an image'), 'image/png');
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('unsupported_media');
    const large = await upload(png(1024 * 1024 + 10));
    expect(large.status).toBe(413);
    expect(large.body.error.message).toContain('1 MB');
    await t.http().post(`/workspaces/${ws.slug}/media`).set(bearer(ws.users.VIEWER)).set('content-type', 'image/png').send(png()).expect(403);
    expect(await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } })).toBe(before);
  });

  it('satisfies Instagram\'s image requirement when attached to a draft', async () => {
    const media = (await upload(png()).expect(201)).body;
    const account = await t.prisma.connectedAccount.create({ data: { workspaceId: ws.id, platform: 'INSTAGRAM', displayName: 'ig' } });
    const without = await t.http().post(`/workspaces/${ws.slug}/posts`).set(bearer(ws.users.EDITOR)).send({ baseText: 'Foto aksi', targets: [{ accountId: account.id }] }).expect(201);
    expect(without.body.targets[0].issues).toHaveLength(1);
    const withImage = await t.http().patch(`/workspaces/${ws.slug}/posts/${without.body.id}`).set(bearer(ws.users.EDITOR)).send({ mediaIds: [media.id] }).expect(200);
    expect(withImage.body.targets[0].issues).toEqual([]);
    expect(withImage.body.mediaIds).toEqual([media.id]);
  });

  async function attachToPost(mediaId: string): Promise<string> {
    const post = await t.prisma.post.create({ data: { workspaceId: ws.id, authorId: ws.users.EDITOR.id, baseText: 'x', media: { create: { mediaId, position: 0 } } } });
    return post.id;
  }
});
