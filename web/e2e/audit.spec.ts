import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

test("an admin reads the audit log, filters it by who, what and when, and opens an entry's object", async ({
  page,
  request,
}, info) => {
  // Something to find: the coordinator makes a campaign now.
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const name = `Audit ${info.project.name} ${Date.now()}`;
  const campaign = (await (
    await request.post('/workspaces/kspi/campaigns', { headers: coordinator, data: { name } })
  ).json()) as { id: string };

  await signIn(page, demoEmail('admin'), '/app/kspi/settings');
  await page.getByRole('link', { name: 'Lihat log audit: siapa mengubah apa, kapan.' }).click();
  await expect(page.getByRole('heading', { name: 'Log audit' })).toBeVisible();
  await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  await expectAccessible(page);

  const filters = page.getByRole('form', { name: 'Saring log' });
  const members = (await (await request.get('/workspaces/kspi/members', { headers: coordinator })).json()) as {
    userId: string;
    email: string;
    name: string;
  }[];
  const who = members.find((m) => m.email === demoEmail('coordinator'))!;
  await filters.getByLabel('Siapa').selectOption(who.userId);
  await filters.getByLabel('Apa', { exact: true }).selectOption('campaign.*');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  await filters.getByLabel('Dari tanggal').fill(today);
  await expect(page).toHaveURL(/who=.*what=campaign/);
  const entry = page.getByTestId('audit-entry').first();
  await expect(entry).toContainText(who.name);
  await expect(entry).toContainText('membuat kampanye');
  await expect(page.getByTestId('audit-entry').filter({ hasNotText: who.name })).toHaveCount(0);
  await expectAccessible(page);
  await entry.getByRole('link', { name: 'Kampanye' }).click();
  await expect(page).toHaveURL(new RegExp(`/app/kspi/campaigns/${campaign.id}`));
  await expect(page.getByRole('heading', { name })).toBeVisible();
});

test('older entries come a page at a time', async ({ page, request }) => {
  const admin = await apiAs(request, demoEmail('admin'));
  // More than one page (50) of entries: slot edits on the demo feed account are each audited.
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers: admin })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const feed = accounts.accounts.find((a) => a.platform === 'FEED')!;
  for (let i = 0; i < 52; i++) {
    await request.patch(`/workspaces/kspi/accounts/${feed.id}`, {
      headers: admin,
      data: { postingSlots: [{ weekday: 1 + (i % 7), time: '09:00' }] },
    });
  }
  await signIn(page, demoEmail('admin'), '/app/kspi/audit?what=account.*');
  await expect(page.getByTestId('audit-entry')).toHaveCount(50);
  await page.getByRole('button', { name: 'Tampilkan catatan lebih lama' }).click();
  await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(50);
});

test('the audit log is for admins', async ({ page }) => {
  await signIn(page, demoEmail('coordinator'), '/app/kspi/audit');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('audit-entry')).toHaveCount(0);
});
