import { bearer, createWorkspace, type FixtureWorkspace } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

/** Alt text as a workspace policy (issue #17, item 5): REQUIRED blocks submission, RECOMMENDED warns. */
describe('the alt text policy', () => {
  let t: TestApp;
  let ws: FixtureWorkspace;
  let feed: string;
  let described: string;
  let bare: string;
  const workspaceUrl = () => `/workspaces/${ws.slug}`;
  const posts = (path = '') => `/workspaces/${ws.slug}/posts${path}`;
  const editor = () => bearer(ws.users.EDITOR);
  const admin = () => bearer(ws.users.ADMIN);
  const image = (altText: string | null) =>
    t.prisma.mediaAsset.create({
      data: {
        workspaceId: ws.id,
        uploadedById: ws.users.EDITOR.id,
        kind: 'IMAGE',
        mimeType: 'image/jpeg',
        byteSize: 2000,
        width: 60,
        height: 40,
        altText,
        storageKey: `alt/${Math.random()}`,
        sha256: 'a'.repeat(64),
      },
    });
  const draft = async (mediaIds: string[]) =>
    (
      await t
        .http()
        .post(posts())
        .set(editor())
        .send({
          baseText: 'Aksi damai',
          targets: [{ accountId: feed }],
          mediaIds,
          schedule: { at: inHours(5), zone: 'WIB' },
        })
        .expect(201)
    ).body.id as string;
  const setPolicy = (altTextPolicy: string) => t.http().patch(workspaceUrl()).set(admin()).send({ altTextPolicy });

  beforeAll(async () => {
    t = await startTestApp();
    ws = await createWorkspace(t.prisma);
    feed = (
      await t.prisma.connectedAccount.create({
        data: { workspaceId: ws.id, platform: 'FEED', displayName: 'Umpan KSPI' },
      })
    ).id;
    described = (await image('Buruh berbaris di depan pabrik')).id;
    bare = (await image(null)).id;
  });
  afterAll(() => t.close());

  it('is RECOMMENDED by default: images without alt text warn per target and submission goes through', async () => {
    const ws0 = await t.http().get(workspaceUrl()).set(editor()).expect(200);
    expect(ws0.body.altTextPolicy).toBe('RECOMMENDED');
    const dry = await t
      .http()
      .post(posts('/check'))
      .set(editor())
      .send({ baseText: 'x', targets: [{ accountId: feed }], mediaIds: [described, bare] })
      .expect(200);
    expect(dry.body.submittable).toBe(true);
    expect(dry.body.issues).toEqual([
      expect.objectContaining({
        accountId: feed,
        issues: [],
        warnings: [
          {
            code: 'alt_text_missing',
            message: expect.stringMatching(/^Feed \(Umpan KSPI\): 1 gambar belum punya teks alternatif/),
          },
        ],
      }),
    ]);
    const id = await draft([described, bare]);
    const submitted = await t
      .http()
      .post(posts(`/${id}/submit`))
      .set(editor())
      .expect(200);
    expect(submitted.body.targets[0].warnings.map((w: { code: string }) => w.code)).toEqual(['alt_text_missing']);
  });

  it('REQUIRED blocks submission with a per-target 422 in Indonesian and English; the dry run says so too', async () => {
    const changed = await setPolicy('REQUIRED').expect(200);
    expect(changed.body.altTextPolicy).toBe('REQUIRED');
    const dry = await t
      .http()
      .post(posts('/check'))
      .set(editor())
      .send({ baseText: 'x', targets: [{ accountId: feed }], mediaIds: [bare] })
      .expect(200);
    expect(dry.body).toMatchObject({
      submittable: false,
      issues: [
        {
          accountId: feed,
          warnings: [],
          issues: [
            {
              code: 'alt_text_missing',
              message: expect.stringMatching(/^Feed \(Umpan KSPI\): 1 gambar belum punya teks alternatif/),
            },
          ],
        },
      ],
    });

    const id = await draft([described, bare]);
    for (const [language, pattern] of [
      ['id', /teks alternatif/],
      ['en', /no alt text/],
    ] as const) {
      // The profile's language wins over Accept-Language.
      await t.prisma.user.update({ where: { id: ws.users.EDITOR.id }, data: { locale: language } });
      const refused = await t
        .http()
        .post(posts(`/${id}/submit`))
        .set(editor())
        .expect(422);
      expect(refused.body.error.code).toBe('content_issues');
      expect(refused.body.error.details).toEqual([
        expect.objectContaining({
          field: 'targets.0',
          code: 'alt_text_missing',
          accountId: feed,
          message: expect.stringMatching(pattern),
        }),
      ]);
    }
    expect((await t.prisma.post.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');

    // Described images and videos are fine; so is a post without images.
    const fine = await draft([described]);
    await t
      .http()
      .post(posts(`/${fine}/submit`))
      .set(editor())
      .expect(200);
  });

  it('refuses a bad value, and non-admins, changing nothing', async () => {
    await setPolicy('RECOMMENDED').expect(200);
    const bad = await setPolicy('MANDATORY').expect(400);
    expect(bad.body.error.code).toBe('invalid_input');
    await t.http().patch(workspaceUrl()).set(editor()).send({ altTextPolicy: 'REQUIRED' }).expect(403);
    expect((await t.prisma.workspace.findUniqueOrThrow({ where: { id: ws.id } })).altTextPolicy).toBe('RECOMMENDED');
  });
});
