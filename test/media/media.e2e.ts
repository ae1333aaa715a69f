import { mkdtempSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaUrls } from '../../src/media/media-urls';
import { MediaService } from '../../src/media/media.service';
import { MediaStorage } from '../../src/media/storage/media-storage';
import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { hasGpsPointer, metadataOf, MP4, OWNER, phonePhoto, SERIAL, topAndBottom } from './image-fixtures';

describe('media library', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  const mediaDir = mkdtempSync(join(tmpdir(), 'gaung-media-'));
  beforeAll(async () => {
    t = await startTestApp({ config: { MEDIA_DIR: mediaDir, MEDIA_MAX_IMAGE_MB: '1' } });
    ws = await createWorkspace(t.prisma);
  });
  afterAll(() => t.close());

  const upload = (body: Buffer, type = 'image/jpeg', query = '') =>
    t
      .http()
      .post(`/workspaces/${ws.slug}/media${query}`)
      .set(bearer(ws.users.EDITOR))
      .set('content-type', type)
      .send(body);
  const fetchBytes = async (url: string) =>
    Buffer.from((await t.http().get(new URL(url).pathname).buffer(true).expect(200)).body as Buffer);

  it.each(['jpeg', 'png', 'webp'] as const)(
    'strips GPS, serial and owner from a %s before storing it, and keeps it the right way up',
    async (format) => {
      const photo = await phonePhoto(format);
      const before = await metadataOf(photo);
      expect(hasGpsPointer(before.exif)).toBe(true);
      expect(before.exif!.includes(SERIAL) && before.exif!.includes(OWNER) && before.xmp !== undefined).toBe(true);
      expect(before.orientation).toBe(6);
      if (format === 'jpeg') expect(before.iptc?.includes(OWNER)).toBe(true);

      const res = await upload(photo, `image/${format}`, '?alt=Aksi%20di%20depan%20pabrik').expect(201);
      expect(res.body).toMatchObject({
        kind: 'IMAGE',
        mimeType: `image/${format}`,
        width: 40,
        height: 60,
        metadata: 'STRIPPED',
        tags: [],
        usedIn: [],
      });
      const stored = await t.app.get(MediaStorage).read(`${ws.id}/${res.body.id}`);
      expect(res.body.byteSize).toBe(stored.length);
      for (const bytes of [stored, await fetchBytes(res.body.originalUrl)]) {
        const after = await metadataOf(bytes);
        expect({ exif: after.exif, xmp: after.xmp, iptc: after.iptc, orientation: after.orientation }).toEqual({
          exif: undefined,
          xmp: undefined,
          iptc: undefined,
          orientation: undefined,
        });
        expect(bytes.includes(OWNER) || bytes.includes(SERIAL)).toBe(false);
        expect([after.width, after.height]).toEqual([40, 60]);
        expect(await topAndBottom(bytes)).toEqual(['red', 'blue']);
      }
      const listed = (
        await t.http().get(`/workspaces/${ws.slug}/media`).set(bearer(ws.users.VIEWER)).expect(200)
      ).body.find((m: { id: string }) => m.id === res.body.id);
      expect(listed.metadata).toBe('STRIPPED');
    },
  );

  it('serves a thumbnail and a preview (WebP, never enlarged) and the original at signed URLs that expire', async () => {
    const res = await upload(await phonePhoto('jpeg', { width: 800, height: 400 })).expect(201);
    const thumbnail = await metadataOf(await fetchBytes(res.body.thumbnailUrl));
    expect([thumbnail.format, thumbnail.width, thumbnail.height]).toEqual(['webp', 160, 320]);
    const preview = await metadataOf(await fetchBytes(res.body.previewUrl));
    expect([preview.format, preview.width, preview.height]).toEqual(['webp', 400, 800]);
    expect(new URL(res.body.thumbnailUrl).pathname).toMatch(
      new RegExp(`^/media/${res.body.id}/thumbnail/\\d+\\.[A-Za-z0-9_-]{43}$`),
    );
    const served = await t
      .http()
      .get(new URL(res.body.originalUrl).pathname)
      .expect(200)
      .expect('content-type', 'image/jpeg');
    expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+$/);
    const ttl = t.config.MEDIA_PREVIEW_TTL_SECONDS;
    const lifetime = Date.parse(res.body.previewExpiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan((ttl - 5) * 1000);
    expect(lifetime).toBeLessThanOrEqual(2 * ttl * 1000);
    // A signature is for one variant, one media and one expiry.
    const [, , id, , signed] = new URL(res.body.thumbnailUrl).pathname.split('/');
    const [expires, signature] = signed!.split('.');
    await t.http().get(`/media/${id}/preview/${signed}`).expect(404);
    await t.http().get(`/media/${id}/${signed}`).expect(404);
    await t
      .http()
      .get(`/media/${id}/thumbnail/${Number(expires) + 1}.${signature}`)
      .expect(404);
    await t.http().get(`/media/${id}/rendition-x/${signed}`).expect(404);
    await t.http().get(`/media/${id}/nonsense/${signed}`).expect(404);
    const expired = t.app.get(MediaUrls).previewUrl(id!, Date.now() - 3 * ttl * 1000, 'thumbnail');
    await t.http().get(new URL(expired.url).pathname).expect(404);
    // The platforms' URL for the original does not expire.
    const [item] = await t.app.get(MediaService).itemsForPost(ws.id, await postWith(res.body.id, 'DRAFT'));
    expect(item!.publicUrl).toMatch(new RegExp(`/media/${res.body.id}/[A-Za-z0-9_-]{43}$`));
    expect((await fetchBytes(item!.publicUrl)).equals(await item!.read())).toBe(true);
  });

  it('keeps a video as uploaded and says so, with its duration', async () => {
    const res = await upload(MP4, 'video/mp4').expect(201);
    expect(res.body).toMatchObject({
      kind: 'VIDEO',
      mimeType: 'video/mp4',
      byteSize: MP4.length,
      metadata: 'KEPT_VIDEO',
      thumbnailUrl: null,
      durationMs: 12_500,
    });
    expect((await fetchBytes(res.body.previewUrl)).equals(MP4)).toBe(true);
  });

  it('edits alt text and tags, searches them, and says where each item is used', async () => {
    const banner = (await upload(await phonePhoto('png'), 'image/png').expect(201)).body;
    const other = (await upload(await phonePhoto('webp'), 'image/webp').expect(201)).body;
    const edited = await t
      .http()
      .patch(`/workspaces/${ws.slug}/media/${banner.id}`)
      .set(bearer(ws.users.EDITOR))
      .send({ altText: 'Spanduk mogok nasional', tags: [' Mogok ', 'mogok', 'May Day'] })
      .expect(200);
    expect(edited.body).toMatchObject({ altText: 'Spanduk mogok nasional', tags: ['mogok', 'may day'] });
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/media/${other.id}`)
      .set(bearer(ws.users.EDITOR))
      .send({ tags: ['Kantor pusat'] })
      .expect(200);
    const ids = async (query: string) =>
      (await t.http().get(`/workspaces/${ws.slug}/media?${query}`).set(bearer(ws.users.VIEWER)).expect(200)).body.map(
        (m: { id: string }) => m.id,
      );
    expect(await ids('tag=MOGOK')).toEqual([banner.id]);
    expect(await ids('q=spanduk')).toEqual([banner.id]);
    expect(await ids('q=kantor%20pusat')).toEqual([other.id]);
    expect(await ids('q=tidak-ada')).toEqual([]);

    const campaign = await t.prisma.campaign.create({
      data: { workspaceId: ws.id, name: 'Hari Buruh', timeZone: 'Asia/Jakarta' },
    });
    const postId = await postWith(banner.id, 'DRAFT', campaign.id);
    const listed = (
      await t.http().get(`/workspaces/${ws.slug}/media?tag=mogok`).set(bearer(ws.users.VIEWER)).expect(200)
    ).body[0];
    expect(listed.usedIn).toEqual([
      { postId, status: 'DRAFT', scheduledAt: null, campaignId: campaign.id, campaignName: 'Hari Buruh' },
    ]);
    // Bad input changes nothing.
    await t.http().patch(`/workspaces/${ws.slug}/media/${banner.id}`).set(bearer(ws.users.EDITOR)).send({}).expect(400);
    await t
      .http()
      .patch(`/workspaces/${ws.slug}/media/${banner.id}`)
      .set(bearer(ws.users.EDITOR))
      .send({ tags: ['a,b'] })
      .expect(400);
    expect((await t.prisma.mediaAsset.findUniqueOrThrow({ where: { id: banner.id } })).tags).toEqual([
      'mogok',
      'may day',
    ]);
  });

  it('refuses to delete media an approved, scheduled post uses (409, in both languages), and deletes it with its copies otherwise', async () => {
    const media = (await upload(await phonePhoto('jpeg')).expect(201)).body;
    const approved = await postWith(media.id, 'APPROVED');
    const draft = await postWith(media.id, 'DRAFT');
    // Messages follow the reader's language: the editor reads Indonesian, the admin English.
    await t.prisma.user.update({ where: { id: ws.users.ADMIN.id }, data: { locale: 'en' } });
    const del = (who: 'EDITOR' | 'ADMIN') =>
      t.http().delete(`/workspaces/${ws.slug}/media/${media.id}`).set(bearer(ws.users[who]));
    expect((await del('ADMIN').expect(409)).body.error).toMatchObject({
      code: 'media_in_use',
      message: expect.stringContaining('used by 1 approved or scheduled post'),
    });
    expect((await del('EDITOR').expect(409)).body.error.message).toContain('dipakai oleh 1 postingan');
    expect(await t.prisma.postMedia.count({ where: { mediaId: media.id } })).toBe(2);

    await t.prisma.postTarget.updateMany({ where: { postId: approved }, data: { state: 'PUBLISHED' } });
    const before = await readdir(join(mediaDir, ws.id));
    expect(before.filter((name) => name.startsWith(media.id))).toHaveLength(3);
    await del('EDITOR').expect(204);
    expect(await t.prisma.mediaAsset.count({ where: { id: media.id } })).toBe(0);
    expect(await t.prisma.postMedia.count({ where: { postId: { in: [approved, draft] } } })).toBe(0);
    expect((await readdir(join(mediaDir, ws.id))).filter((name) => name.startsWith(media.id))).toEqual([]);
    await del('EDITOR').expect(404);
  });

  it('refuses empty, unknown, unreadable and oversized uploads, and viewers, writing nothing', async () => {
    const before = await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } });
    const files = async () => (await readdir(join(mediaDir, ws.id)).catch(() => [])).length;
    const filesBefore = await files();
    expect((await upload(Buffer.alloc(0))).status).toBe(400);
    const unknown = await upload(Buffer.from('%PDF-1.7 not an image'), 'image/png');
    expect(unknown.status).toBe(415);
    expect(unknown.body.error.code).toBe('unsupported_media');
    const broken = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 9)]));
    expect(broken.status).toBe(415);
    expect(broken.body.error.code).toBe('unreadable_image');
    const large = await upload(Buffer.concat([await phonePhoto('png'), Buffer.alloc(1024 * 1024)]), 'image/png');
    expect(large.status).toBe(413);
    expect(large.body.error.message).toContain('1 MB');
    await t
      .http()
      .post(`/workspaces/${ws.slug}/media`)
      .set(bearer(ws.users.VIEWER))
      .set('content-type', 'image/png')
      .send(await phonePhoto('png'))
      .expect(403);
    expect(await t.prisma.mediaAsset.count({ where: { workspaceId: ws.id } })).toBe(before);
    expect(await files()).toBe(filesBefore);
  });

  it("satisfies Instagram's image requirement when attached to a draft", async () => {
    const media = (await upload(await phonePhoto('jpeg', { width: 50, height: 40 })).expect(201)).body;
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'INSTAGRAM', displayName: 'ig' },
    });
    const without = await t
      .http()
      .post(`/workspaces/${ws.slug}/posts`)
      .set(bearer(ws.users.EDITOR))
      .send({ baseText: 'Foto aksi', targets: [{ accountId: account.id }] })
      .expect(201);
    expect(without.body.targets[0].issues).toHaveLength(1);
    const withImage = await t
      .http()
      .patch(`/workspaces/${ws.slug}/posts/${without.body.id}`)
      .set(bearer(ws.users.EDITOR))
      .send({ mediaIds: [media.id] })
      .expect(200);
    expect(withImage.body.targets[0].issues).toEqual([]);
    expect(withImage.body.mediaIds).toEqual([media.id]);
  });

  /** A post (with one scheduled target when approved) that uses the media. */
  async function postWith(mediaId: string, status: 'DRAFT' | 'APPROVED', campaignId?: string): Promise<string> {
    const account = await t.prisma.connectedAccount.create({
      data: { workspaceId: ws.id, platform: 'MASTODON', displayName: 'm' },
    });
    const post = await t.prisma.post.create({
      data: {
        workspaceId: ws.id,
        authorId: ws.users.EDITOR.id,
        baseText: 'x',
        status,
        campaignId,
        media: { create: { mediaId, position: 0 } },
        targets:
          status === 'APPROVED'
            ? { create: { workspaceId: ws.id, accountId: account.id, state: 'SCHEDULED' } }
            : undefined,
      },
    });
    return post.id;
  }
});
