import { createRequire } from 'node:module';
import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import type Sharp from 'sharp';
import type * as MediaFixtures from '../../test/media/image-fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// The API's own image library (a dependency of the root package), to make real pictures to upload.
const load = createRequire(import.meta.url);
const sharp = load('sharp') as typeof Sharp;
const { MP4 } = load('../../test/media/image-fixtures.ts') as typeof MediaFixtures;

/** A 240x160 banner: yellow on the left quarter, red elsewhere. */
async function banner(): Promise<Buffer> {
  const yellow = await sharp({ create: { width: 60, height: 160, channels: 3, background: '#f1c40f' } })
    .png()
    .toBuffer();
  return sharp({ create: { width: 240, height: 160, channels: 3, background: '#c0392b' } })
    .composite([{ input: yellow, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** A draft of KSPI's feed with an image without alt text, tagged `tag`: made through the API. */
async function draftWithImage(request: APIRequestContext, tag: string) {
  const editor = await apiAs(request, demoEmail('editor'));
  const uploaded = await request.post('/workspaces/kspi/media', {
    headers: { ...editor, 'Content-Type': 'image/png' },
    data: await banner(),
  });
  expect(uploaded.status()).toBe(201);
  const media = (await uploaded.json()) as { id: string };
  expect(
    (
      await request.patch(`/workspaces/kspi/media/${media.id}`, { headers: editor, data: { tags: [tag, 'aksi'] } })
    ).ok(),
  ).toBe(true);
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers: editor })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const feed = accounts.accounts.find((a) => a.platform === 'FEED')!;
  const at = new Date(Date.now() + 2 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  const post = (await (
    await request.post('/workspaces/kspi/posts', {
      headers: editor,
      data: {
        baseText: `Aksi ${tag}`,
        mediaIds: [media.id],
        targets: [{ accountId: feed.id }],
        schedule: { at, zone: 'Asia/Jakarta' },
      },
    })
  ).json()) as { id: string };
  return { editor, mediaId: media.id, postId: post.id };
}

/** The same, submitted and approved (so the image cannot be deleted). */
async function approvedImage(request: APIRequestContext, tag: string) {
  const { editor, mediaId, postId } = await draftWithImage(request, tag);
  const submitted = (await (
    await request.post(`/workspaces/kspi/posts/${postId}/submit`, { headers: editor })
  ).json()) as { version: number };
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  expect(
    (
      await request.post(`/workspaces/kspi/posts/${postId}/approve`, {
        headers: coordinator,
        data: { version: submitted.version },
      })
    ).ok(),
  ).toBe(true);
  return { mediaId, postId };
}

test('the composer warns (without blocking) about an image without alt text under the default policy', async ({
  page,
  request,
}, info) => {
  const { postId } = await draftWithImage(request, `draf-${info.project.name}-${Date.now()}`);
  await signIn(page, demoEmail('editor'), `/app/kspi/compose?post=${postId}`);
  await expect(page.getByTestId('api-warnings')).toContainText('1 gambar belum punya teks alternatif');
  await expect(page.getByTestId('api-issues')).toHaveCount(0);
  await expectAccessible(page);
});

test('the media library: missing alt text flagged, facts, "used in", edit, delete refused while approved, search, upload', async ({
  page,
  request,
}, info) => {
  test.setTimeout(60_000);
  const tag = `uji-${info.project.name}-${Date.now()}`;
  const { postId } = await approvedImage(request, tag);

  await signIn(page, demoEmail('editor'), `/app/kspi/media?tag=${tag}`);
  await expect(page.getByRole('heading', { name: 'Pustaka media' })).toBeVisible();
  const card = page.getByRole('article', { name: 'Belum ada teks alternatif' });
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Belum ada teks alternatif')).toBeVisible();
  await expect(card.getByText(/240 × 160 piksel/)).toBeVisible();
  await expect(card.getByText(/KB · 240 × 160 piksel · image\/png/)).toBeVisible();
  await expect(card.getByText('Metadata dihapus')).toBeVisible();
  await expect(card.getByRole('button', { name: `Tampilkan media berlabel ${tag}` })).toBeVisible();
  await expect(card.getByRole('link', { name: /Postingan \(disetujui\)/ })).toHaveAttribute(
    'href',
    `/app/kspi/posts/${postId}`,
  );
  // Without alt text the thumbnail is decorative (alt=""); it is the signed thumbnail, loaded.
  const thumbnail = card.locator('img');
  await expect(thumbnail).toHaveAttribute('src', /\/thumbnail\//);
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/media-library-${info.project.name}.png`, fullPage: true });

  // Deleting is refused while an approved post uses it: the API's 409 message, in the dialog.
  await card.getByRole('button', { name: 'Hapus Belum ada teks alternatif' }).click();
  const remove = page.getByRole('dialog', { name: 'Hapus media?' });
  await remove.getByRole('button', { name: 'Hapus', exact: true }).click();
  await expect(remove.getByRole('alert')).toContainText(
    'Media ini dipakai oleh 1 postingan yang sudah disetujui atau dijadwalkan.',
  );
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/media-delete-refused-${info.project.name}.png` });
  await remove.getByRole('button', { name: 'Batal' }).click();

  // Alt text and tags, by keyboard in the dialog.
  await card.getByRole('button', { name: 'Ubah teks alternatif dan label: Belum ada teks alternatif' }).click();
  const edit = page.getByRole('dialog', { name: 'Teks alternatif dan label' });
  await edit.getByRole('textbox', { name: /^Teks alternatif/ }).fill(`Spanduk merah kuning ${tag}`);
  await edit.getByRole('textbox', { name: /^Label/ }).fill(`${tag}, spanduk`);
  await edit.getByRole('textbox', { name: /^Label/ }).press('Enter');
  await expect(edit).toHaveCount(0);
  const described = page.getByRole('article', { name: `Spanduk merah kuning ${tag}` });
  await expect(described.getByText('Belum ada teks alternatif')).toHaveCount(0);
  await expect(described.getByRole('button', { name: 'Tampilkan media berlabel spanduk' })).toBeVisible();

  // Search finds words of the alt text; the address keeps it.
  await page.goto('/app/kspi/media');
  await page.getByRole('searchbox', { name: /^Cari/ }).fill(`kuning ${tag}`);
  await expect(page).toHaveURL(/q=kuning/);
  await expect(page.getByTestId('media-item')).toHaveCount(1);
  await expect(page.getByRole('article', { name: `Spanduk merah kuning ${tag}` })).toBeVisible();

  // Upload from the page, with alt text; it comes first in the library, metadata removed.
  await page.goto('/app/kspi/media');
  const upload = page.getByRole('region', { name: 'Unggah' });
  await upload
    .locator('input[type=file]')
    .setInputFiles({ name: 'spanduk.png', mimeType: 'image/png', buffer: await banner() });
  await upload.getByRole('textbox', { name: /^Teks alternatif/ }).fill(`Unggahan ${tag}`);
  await upload.getByRole('button', { name: 'Unggah' }).click();
  await expect(upload.getByRole('status')).toHaveText('Berkas "spanduk.png" diunggah.');
  const mine = page.getByRole('article', { name: `Unggahan ${tag}` });
  await expect(mine.getByText('Metadata dihapus')).toBeVisible();
  await expect(mine.getByText('Belum dipakai di postingan mana pun.')).toBeVisible();

  // Not used by an approved post: it can go.
  await mine.getByRole('button', { name: `Hapus Unggahan ${tag}` }).click();
  await page.getByRole('dialog', { name: 'Hapus media?' }).getByRole('button', { name: 'Hapus', exact: true }).click();
  await expect(mine).toHaveCount(0);
});

test('a video says plainly that its metadata is kept, with its length', async ({ page, request }, info) => {
  const tag = `video-${info.project.name}-${Date.now()}`;
  const editor = await apiAs(request, demoEmail('editor'));
  const uploaded = await request.post('/workspaces/kspi/media', {
    headers: { ...editor, 'Content-Type': 'video/mp4' },
    data: MP4,
  });
  expect(uploaded.status()).toBe(201);
  const { id } = (await uploaded.json()) as { id: string };
  expect(
    (
      await request.patch(`/workspaces/kspi/media/${id}`, {
        headers: editor,
        data: { altText: `Video ${tag}`, tags: [tag] },
      })
    ).ok(),
  ).toBe(true);

  await signIn(page, demoEmail('viewer'), `/app/kspi/media?tag=${tag}`);
  const card = page.getByRole('article', { name: `Video ${tag}` });
  await expect(
    card.getByText('Metadata video tetap ada: video disimpan apa adanya, dan bisa memuat lokasi perekaman.'),
  ).toBeVisible();
  await expect(card.getByText('Metadata dihapus')).toHaveCount(0);
  await expect(card.getByText(/13 detik · video\/mp4/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/media-video-${info.project.name}.png` });
});

test('a viewer sees the library without upload, edit or delete', async ({ page }) => {
  await signIn(page, demoEmail('viewer'), '/app/kspi/media');
  await expect(page.getByRole('heading', { name: 'Pustaka media' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unggah' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Hapus / })).toHaveCount(0);
});

test('an admin makes alt text required in the workspace settings', async ({ page, request }) => {
  const headers = await apiAs(request, demoEmail('admin'));
  const policy = async () =>
    ((await (await request.get('/workspaces/kspi', { headers })).json()) as { altTextPolicy: string }).altTextPolicy;
  expect(await policy()).toBe('RECOMMENDED');
  try {
    await signIn(page, demoEmail('admin'), '/app/kspi/settings');
    const panel = page.getByRole('region', { name: 'Ruang kerja' });
    const select = panel.getByRole('combobox', { name: /^Gambar tanpa teks alternatif/ });
    await expect(select).toHaveValue('RECOMMENDED');
    await select.selectOption({ label: 'Wajib (menahan pengajuan)' });
    await panel.getByRole('button', { name: 'Simpan pengaturan ruang kerja' }).click();
    await expect(panel.getByText('Pengaturan ruang kerja disimpan.')).toBeVisible();
    expect(await policy()).toBe('REQUIRED');
    await expectAccessible(page);
    await panel.screenshot({ path: `test-results/media-alt-policy-${test.info().project.name}.png` });
  } finally {
    // The other tests (and projects) share the demo workspace: back to the default.
    await request.patch('/workspaces/kspi', { headers, data: { altTextPolicy: 'RECOMMENDED' } });
  }
});
