import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import pg from 'pg';
import { campaignWithApprovedPost, ensureXAccount, submittedPost } from '../editorial-support';
import { apiAs, demoEmail, runDatabaseUrl } from '../support';
import { shootBoth } from './shoot';

// The pictures of docs/panduan/staf-komunikasi.md and koordinator.md (and their English twins),
// each made by doing the guide's task through the page, as its reader would.

test.beforeAll(ensureXAccount);

/** Writes straight into the run's own database what no page can bring about (a lost answer, a past time). */
async function sql(text: string, values: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

const MAYDAY =
  'Buruh se-Indonesia turun ke jalan 1 Mei: upah layak, kerja layak. Bersama kita tolak upah murah! #TolakUpahMurah https://kspi.or.id/mayday';

/** The composer with a campaign, X and the feed ticked, the base text and a time in WITA. */
async function compose(page: Page): Promise<void> {
  await page.goto('/app/kspi/compose');
  await page.getByLabel('Kampanye', { exact: true }).selectOption({ label: 'Tolak Upah Murah 2027' });
  await page.getByLabel('KSPI di X (X)').check();
  await page.getByLabel('KSPI feed (Feed)').check();
  await page.getByLabel('Teks dasar (dipakai semua akun tanpa teks sendiri)').fill(MAYDAY);
  await page.getByLabel('Waktu terbit', { exact: true }).fill('2030-05-01T09:00');
  await page.getByLabel('Zona waktu terbit').selectOption('Asia/Makassar');
}

/** Dialogs fade in: photograph them once every transition on the page has finished. */
const settled = (page: Page) =>
  page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));

const blurAndTop = (page: Page) =>
  page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });

test('help menu', async ({ browser }) => {
  await shootBoth(browser, 'help-menu', demoEmail('editor'), async (page) => {
    await page.goto('/app/kspi/compose');
    const phone = (page.viewportSize()?.width ?? 0) < 600;
    if (phone) await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByRole('button', { name: 'Bantuan' }).click();
    await expect(page.getByRole('menuitem', { name: 'Bantuan untuk halaman ini' })).toBeVisible();
    await settled(page);
  });
});

test('help page', async ({ browser }) => {
  await shootBoth(browser, 'help-page', demoEmail('coordinator'), async (page) => {
    await page.goto('/app/kspi/help/coordinator?topic=review');
    const section = page.getByRole('heading', { level: 2, name: 'Menyetujui atau meminta perubahan' });
    await expect(section).toBeFocused();
    await expect(section).toBeInViewport();
    await expect
      .poll(() =>
        page
          .getByRole('img', { name: 'Kotak tinjauan di ponsel' })
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
      )
      .toBeGreaterThan(0);
  });
});

test('composer: an own text for X', async ({ browser }) => {
  await shootBoth(browser, 'composer-own-text', demoEmail('editor'), async (page) => {
    await compose(page);
    await page.getByRole('tab', { name: 'KSPI di X' }).click();
    await page.getByLabel('Teks sendiri untuk X').check();
    await page
      .getByLabel('Teks untuk KSPI di X')
      .fill('1 Mei: buruh turun ke jalan. Upah layak, kerja layak! #TolakUpahMurah https://kspi.or.id/mayday');
    await expect(page.getByTestId('check-line')).toHaveText('Server sudah memeriksa: siap diajukan.');
    await blurAndTop(page);
  });
});

test('a post submitted for review', async ({ browser }) => {
  await shootBoth(browser, 'post-submitted', demoEmail('editor'), async (page) => {
    await compose(page);
    await expect(page.getByTestId('check-line')).toHaveText('Server sudah memeriksa: siap diajukan.');
    await page.getByRole('button', { name: 'Ajukan untuk ditinjau' }).click();
    await page.waitForURL(/\/posts\//);
    await expect(page.getByText('Ditinjau · v1')).toBeVisible();
    await expect(page.getByText('Menunggu persetujuan').first()).toBeVisible();
  });
});

test('a post sent back to its author', async ({ browser, request }) => {
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const post = await submittedPost(
    request,
    'Konsolidasi buruh Jawa Timur di Surabaya, Sabtu pagi. Hadir dan ajak kawan! #BuruhBersatu',
  );
  const sent = await request.post(`/workspaces/kspi/posts/${post.id}/request-changes`, {
    headers: coordinator,
    data: { body: 'Tulis jam dan tempatnya: pukul 08.00 WIB di Tugu Pahlawan.' },
  });
  expect(sent.ok()).toBe(true);
  await shootBoth(browser, 'review-returned', demoEmail('editor'), async (page) => {
    await page.goto('/app/kspi/review');
    const card = page.getByRole('article').filter({ hasText: 'Surabaya' });
    await card.getByRole('button', { name: 'Tampilkan komentar' }).click();
    await expect(card.getByText('Tugu Pahlawan')).toBeVisible();
    await card.scrollIntoViewIfNeeded();
  });
});

test('approving several at once', async ({ browser, request }) => {
  const texts = [
    'Rapat akbar serikat di Medan, Minggu sore. #BuruhBersatu',
    'Siaran pers: tolak upah murah di Kalimantan Timur. #TolakUpahMurah',
  ];
  for (const text of texts) await submittedPost(request, text);
  await shootBoth(
    browser,
    'review-approve-several',
    demoEmail('coordinator'),
    async (page) => {
      await page.goto('/app/kspi/review');
      for (const text of texts) await page.getByRole('article').filter({ hasText: text }).getByRole('checkbox').check();
      await expect(page.getByRole('button', { name: 'Setujui 2 terpilih' })).toBeVisible();
      await page.getByRole('article').filter({ hasText: texts[1]! }).scrollIntoViewIfNeeded();
    },
    // The "approve 2 selected" bar stays at the bottom of the screen: one screen, as a person sees it.
    { fullPage: false },
  );
});

/** A campaign with an approved post, held by the coordinator; `show` runs while it is held. */
async function whileHeld(
  request: APIRequestContext,
  name: string,
  show: (campaignId: string, postId: string) => Promise<void>,
): Promise<void> {
  const { campaign, post } = await campaignWithApprovedPost(request, name);
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  expect(
    (
      await request.post(`/workspaces/kspi/campaigns/${campaign.id}/hold`, {
        headers: coordinator,
        data: { reason: 'Aksi dibubarkan aparat; tunggu keputusan pimpinan' },
      })
    ).ok(),
  ).toBe(true);
  try {
    await show(campaign.id, post.id);
  } finally {
    await request.post(`/workspaces/kspi/campaigns/${campaign.id}/resume`, { headers: coordinator });
  }
}

test('holding a campaign', async ({ browser, request }) => {
  const { campaign } = await campaignWithApprovedPost(request, 'Aksi Tolak Omnibus');
  await shootBoth(browser, 'hold-dialog', demoEmail('coordinator'), async (page) => {
    await page.goto(`/app/kspi/campaigns/${campaign.id}`);
    await page.getByRole('button', { name: 'Tahan kampanye' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tahan: Aksi Tolak Omnibus' });
    await dialog.getByLabel('Alasan').fill('Aksi dibubarkan aparat; tunggu keputusan pimpinan');
    await expect(dialog.getByRole('button', { name: 'Tahan sekarang' })).toBeEnabled();
    await settled(page);
  });
});

test('resuming a campaign', async ({ browser, request }) => {
  await whileHeld(request, 'Aksi Buruh Pelabuhan', async (campaignId, postId) => {
    // Its time passed during the hold: 20 minutes ago, within the campaign's 30 minutes of grace.
    // The worker found it held at its time and parked it (HELD): the API's preview reads the
    // deliveries as the resume does.
    await sql(`UPDATE "Post" SET "scheduledAt" = now() - interval '20 minutes' WHERE id = $1`, [postId]);
    await sql(`UPDATE "PostTarget" SET state = 'HELD', "dueAt" = now() - interval '20 minutes' WHERE "postId" = $1`, [
      postId,
    ]);
    await shootBoth(browser, 'resume-dialog', demoEmail('coordinator'), async (page) => {
      await page.goto(`/app/kspi/campaigns/${campaignId}`);
      await page.getByRole('button', { name: 'Lanjutkan', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Lanjutkan: Aksi Buruh Pelabuhan' });
      await expect(dialog.getByText('Akan terbit terlambat: 1')).toBeVisible();
      await settled(page);
    });
  });
});

test('an unconfirmed delivery', async ({ browser, request }) => {
  const { post } = await campaignWithApprovedPost(request, 'Hari Buruh 2027');
  await sql(`UPDATE "PostTarget" SET state = 'UNCONFIRMED', "dueAt" = NULL, "lastError" = $2 WHERE "postId" = $1`, [
    post.id,
    'Koneksi ke platform terputus sebelum ada jawaban',
  ]);
  await shootBoth(browser, 'delivery-unconfirmed', demoEmail('coordinator'), async (page) => {
    await page.goto(`/app/kspi/posts/${post.id}`);
    await expect(page.getByRole('button', { name: 'Belum ada di platform: terbitkan lagi' })).toBeVisible();
    await page.getByLabel('Tautan unggahan di platform').fill('https://kspi.or.id/feed/hari-buruh-2027');
    await page.getByRole('button', { name: 'Belum ada di platform: terbitkan lagi' }).scrollIntoViewIfNeeded();
  });
});
