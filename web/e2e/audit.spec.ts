import { ContractServer, sendJson } from './contracts';
import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, expectWithinWidth, signIn } from './support';

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
  // Every part of the entry is on screen, the object's link too: on a phone the entries are cards.
  const object = entry.getByRole('link', { name: 'Kampanye' });
  await expectWithinWidth(object);
  await expectWithinWidth(entry.getByText('membuat kampanye'));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
  await object.click();
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

test("a delivery's entry links to its post, and an account's entry to the accounts page", async ({
  page,
  request,
}, info) => {
  test.setTimeout(90_000);
  // A webhook receiver on 127.0.0.1 that accepts every delivery: the worker publishes, the log says so.
  const receiver = await new ContractServer()
    .route('POST', '/hook/:name', (_req, res) => sendJson(res, 200, { id: `audit-${Date.now()}` }))
    .start();
  try {
    const admin = await apiAs(request, demoEmail('admin'));
    const name = `Audit ${info.project.name} ${Date.now()}`;
    const account = await request.post('/workspaces/kspi/accounts', {
      headers: admin,
      data: {
        platform: 'WEBHOOK',
        url: `${receiver.baseUrl}/hook/${info.project.name}-${Date.now()}`,
        displayName: name,
      },
    });
    expect(account.ok()).toBe(true);
    const editor = await apiAs(request, demoEmail('editor'));
    const created = await request.post('/workspaces/kspi/posts', {
      headers: editor,
      data: { baseText: `Terbit ${name}`, targets: [{ accountId: (await account.json()).id }], publishNow: true },
    });
    const { id: postId } = (await created.json()) as { id: string };
    const submitted = await request.post(`/workspaces/kspi/posts/${postId}/submit`, { headers: editor });
    const coordinator = await apiAs(request, demoEmail('coordinator'));
    const approved = await request.post(`/workspaces/kspi/posts/${postId}/approve`, {
      headers: coordinator,
      data: { version: (await submitted.json()).version },
    });
    expect(approved.ok()).toBe(true);
    await expect.poll(() => receiver.requests.length, { timeout: 30_000 }).toBeGreaterThan(0);

    await signIn(page, demoEmail('admin'), '/app/kspi/audit?what=target.*');
    const delivery = page.getByTestId('audit-entry').filter({ hasText: 'pengiriman terbit' }).first();
    await expect(async () => {
      await page.reload();
      await expect(delivery).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(delivery).toContainText('Gaung (mesin penerbit)');
    await expectAccessible(page);
    await delivery.getByRole('link', { name: 'Pengiriman' }).click();
    await expect(page).toHaveURL(new RegExp(`/app/kspi/posts/${postId}$`));

    await page.goto('/app/kspi/audit?what=account.*');
    const connected = page.getByTestId('audit-entry').filter({ hasText: 'menghubungkan akun' }).first();
    await expect(connected).toBeVisible();
    await connected.getByRole('link', { name: 'Akun' }).click();
    await expect(page).toHaveURL(/\/app\/kspi\/accounts$/);
    await expect(page.getByRole('article', { name: `Webhook: ${name}` })).toBeVisible();
  } finally {
    await receiver.stop();
  }
});
