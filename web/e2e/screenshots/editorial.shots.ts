import { expect, test } from '../fixtures';
import { campaignWithApprovedPost, ensureXAccount, submittedPost } from '../editorial-support';
import { apiAs, demoEmail } from '../support';
import { shootBoth } from './shoot';

test.beforeAll(ensureXAccount);

test('composer', async ({ browser }) => {
  await shootBoth(browser, 'composer', demoEmail('editor'), async (page) => {
    await page.goto('/app/kspi/compose');
    await page.getByLabel('Kampanye', { exact: true }).selectOption({ label: 'Tolak Upah Murah 2027' });
    await page.getByLabel('KSPI di X (X)').check();
    await page.getByLabel('KSPI feed (Feed)').check();
    await page
      .getByLabel('Teks dasar (dipakai semua akun tanpa teks sendiri)')
      .fill(
        'Buruh se-Indonesia turun ke jalan 1 Mei: upah layak, kerja layak. Bersama @kspi kita tolak upah murah! #TolakUpahMurah https://kspi.or.id/mayday',
      );
    await page.getByLabel('Waktu terbit', { exact: true }).fill('2030-05-01T09:00');
    await expect(page.getByTestId('check-line')).not.toHaveText(/sedang memeriksa/);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
  });
});

test('review inbox', async ({ browser, request }) => {
  const first = 'Konsolidasi buruh Jawa Barat di Bandung, Minggu pagi. #BuruhBersatu';
  await shootBoth(browser, 'review-inbox', demoEmail('coordinator'), async (page) => {
    // The coordinator read the first version (only its number stays on the device; its text comes from the API).
    await submittedPost(
      request,
      'Konsolidasi akbar buruh Jawa Barat di Bandung, Sabtu pagi. Hadir dan ajak kawan! #BuruhBersatu',
      null,
      first,
      (made) =>
        page.evaluate(({ id, version }) => localStorage.setItem(`gaung.seen.${id}`, JSON.stringify({ version })), made),
    );
    await page.goto('/app/kspi/review');
    await expect(page.getByText('Yang berubah sejak versi 1').first()).toBeVisible();
  });
});

test('crisis banner', async ({ browser, request }) => {
  const name = 'Aksi Mogok Nasional';
  const { campaign } = await campaignWithApprovedPost(request, name);
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  expect(
    (
      await request.post(`/workspaces/kspi/campaigns/${campaign.id}/hold`, {
        headers: coordinator,
        data: { reason: 'Situasi keamanan di lapangan belum jelas' },
      })
    ).ok(),
  ).toBe(true);
  try {
    await shootBoth(browser, 'crisis-banner', demoEmail('coordinator'), async (page) => {
      await page.goto(`/app/kspi/campaigns/${campaign.id}`);
      await expect(page.getByRole('alert').filter({ hasText: name })).toBeVisible();
    });
  } finally {
    await request.post(`/workspaces/kspi/campaigns/${campaign.id}/resume`, { headers: coordinator });
  }
});
