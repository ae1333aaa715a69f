import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

test('KSPI invites KSBSI to a joint campaign; KSBSI accepts, then leaves after reading what leaving cancels', async ({
  page,
  browser,
  request,
}, info) => {
  test.setTimeout(60_000); // two browsers, two sign-ins
  const name = `Aksi Bersama ${info.project.name} ${Date.now()}`;
  const kspi = await apiAs(request, demoEmail('coordinator'));
  const campaign = (await (
    await request.post('/workspaces/kspi/campaigns', { headers: kspi, data: { name } })
  ).json()) as { id: string };
  expect(campaign.id).toBeTruthy();

  await signIn(page, demoEmail('coordinator'), '/app/kspi/partners');
  await expect(page.getByRole('heading', { name: 'Mitra kampanye bersama' })).toBeVisible();
  await expectAccessible(page);
  const invite = page.getByRole('region', { name: 'Undang ruang kerja mitra' });
  await invite.getByLabel('Kampanye').selectOption({ label: name });
  await invite.getByRole('textbox', { name: /^Nama alamat ruang kerja mitra/ }).fill('ksbsi');
  await invite.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(invite.getByText('Undangan terkirim ke ksbsi.')).toBeVisible();
  const ours = page.getByRole('article', { name });
  await expect(ours.getByText('Diundang')).toBeVisible();

  // KSBSI's coordinator, in another browser, accepts.
  const other = await browser.newContext({ locale: 'id-ID', viewport: page.viewportSize() ?? undefined });
  const partnerPage = await other.newPage();
  await signIn(partnerPage, demoEmail('coordinator', 'ksbsi'), '/app/ksbsi/partners');
  const card = partnerPage.getByRole('article', { name });
  await expect(card.getByText('Diundang')).toBeVisible();
  await card.getByRole('button', { name: 'Terima' }).click();
  await expect(card.getByText('Aktif')).toBeVisible();

  // A KSBSI draft in the joint campaign: leaving cancels its delivery, and the dialog says so before.
  const ksbsi = await apiAs(request, demoEmail('editor', 'ksbsi'));
  const accounts = (await (await request.get('/workspaces/ksbsi/accounts', { headers: ksbsi })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const feed = accounts.accounts.find((a) => a.platform === 'FEED')!;
  const at = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  const created = await request.post('/workspaces/ksbsi/posts', {
    headers: ksbsi,
    data: {
      baseText: `Draf KSBSI ${name}`,
      campaignId: campaign.id,
      targets: [{ accountId: feed.id }],
      schedule: { at, zone: 'Asia/Jakarta' },
    },
  });
  expect(created.ok()).toBe(true);
  const post = (await created.json()) as { id: string };

  await card.getByRole('button', { name: 'Keluar dari kampanye' }).click();
  const dialog = partnerPage.getByRole('dialog', { name: `Keluar dari ${name}?` });
  await expect(dialog.getByText('1 pengiriman kami yang belum terjadi di kampanye ini akan dibatalkan:')).toBeVisible();
  await expect(dialog.getByRole('link', { name: new RegExp(`Draf KSBSI ${name}`) })).toBeVisible();
  await expectAccessible(partnerPage);
  await dialog.getByRole('button', { name: 'Keluar dan batalkan 1 pengiriman' }).click();
  await expect(card).toHaveCount(0);
  const after = (await (await request.get(`/workspaces/ksbsi/posts/${post.id}`, { headers: ksbsi })).json()) as {
    targets: { state: string }[];
  };
  expect(after.targets.map((t) => t.state)).toEqual(['CANCELLED']);
  await other.close();

  await page.reload();
  await expect(page.getByRole('article', { name }).getByText('Sudah keluar')).toBeVisible();
});

test('an editor sees the joint campaigns but cannot invite, accept or leave', async ({ page }) => {
  await signIn(page, demoEmail('editor', 'ksbsi'), '/app/ksbsi/partners');
  await expect(page.getByRole('article', { name: 'Tolak Upah Murah 2027' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Undang ruang kerja mitra' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Keluar dari kampanye' })).toHaveCount(0);
  await expectAccessible(page);
});

test('KSBSI declines an invitation from its notification; KSPI sees it declined and may invite again', async ({
  page,
  request,
}, info) => {
  const name = `Undangan Ditolak ${info.project.name} ${Date.now()}`;
  const kspi = await apiAs(request, demoEmail('coordinator'));
  const campaign = (await (
    await request.post('/workspaces/kspi/campaigns', { headers: kspi, data: { name } })
  ).json()) as { id: string };
  const invited = await request.post(`/workspaces/kspi/campaigns/${campaign.id}/partners`, {
    headers: kspi,
    data: { workspace: 'ksbsi' },
  });
  expect(invited.ok()).toBe(true);

  // KSBSI's coordinator is told, and the notification leads to where it is answered.
  await signIn(page, demoEmail('coordinator', 'ksbsi'), '/app/ksbsi/notifications');
  const notice = page.getByTestId('notification').filter({ hasText: name });
  await expect(notice).toContainText(`mengundang Anda ke kampanye bersama "${name}"`);
  await notice.getByRole('link', { name: 'Jawab undangan' }).click();
  await page.waitForURL(/\/app\/ksbsi\/partners$/);
  const card = page.getByRole('article', { name });
  await expect(card.getByText('Diundang', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Tolak' }).click();
  // Declined: no longer an invitation of KSBSI's; the inviter sees the answer.
  await expect(card).toHaveCount(0);

  await signIn(page, demoEmail('coordinator'), '/app/kspi/partners');
  await expect(page.getByRole('article', { name }).getByText('Ditolak', { exact: true })).toBeVisible();
  // A declined invitation does not block a new one.
  const again = await request.post(`/workspaces/kspi/campaigns/${campaign.id}/partners`, {
    headers: kspi,
    data: { workspace: 'ksbsi' },
  });
  expect(again.ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole('article', { name }).getByText('Diundang', { exact: true })).toBeVisible();
});
