import { expect, test } from './fixtures';
import { type Page } from '@playwright/test';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

test('a token created in settings is shown once, works with the API, and stops when revoked', async ({
  page,
  request,
}, info) => {
  const name = `rekap-${info.project.name}`;
  await signIn(page, demoEmail('editor'), '/app/kspi/settings');
  await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('textbox', { name: /^Nama token/ }).fill(name);
  await page.getByLabel('Batas peran').selectOption('VIEWER');
  await page.getByRole('button', { name: 'Buat token' }).click();
  const token = (await page.getByTestId('new-token').textContent())!;
  expect(token.length).toBeGreaterThan(20);
  await expectAccessible(page);

  const bearer = { Authorization: `Bearer ${token}` };
  const answer = await request.get('/workspaces/kspi/accounts', { headers: bearer });
  expect(answer.status()).toBe(200);
  // Shown once: after a reload only its name is listed, never the secret.
  await page.reload();
  await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  await expect(page.getByText(token)).toHaveCount(0);

  await page.getByRole('button', { name: `Cabut token ${name}` }).click();
  await expect(page.getByRole('cell', { name, exact: true })).toHaveCount(0);
  expect((await request.get('/workspaces/kspi/accounts', { headers: bearer })).status()).toBe(401);
});

test('the calendar subscription address is made, works in a calendar app, and stops when revoked', async ({
  page,
  request,
}) => {
  await signIn(page, demoEmail('coordinator'), '/app/kspi/settings');
  await page.getByRole('button', { name: 'Buat alamat baru' }).click();
  const url = (await page.getByTestId('feed-url').textContent())!;
  const path = new URL(url).pathname;
  const feed = await request.get(path);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Hentikan langganan' }).click();
  await expect(page.getByText('Langganan dihentikan')).toBeVisible();
  expect((await request.get(path)).status()).toBeGreaterThanOrEqual(400);
});

test('the sessions list marks this device and names the others in words; revoking one signs that browser out', async ({
  page,
  browser,
  request,
  baseURL,
}, info) => {
  // Someone of their own, so the list holds only this test's sessions.
  const email = `sesi-${info.project.name}-${Date.now()}@kspi.demo`;
  const password = 'sesi-yang-aman-2026';
  const invited = await request.post('/workspaces/kspi/invitations', {
    headers: await apiAs(request, demoEmail('admin')),
    data: { email, role: 'EDITOR' },
  });
  const token = new URL(((await invited.json()) as { inviteUrl: string }).inviteUrl).searchParams.get('token')!;
  const joined = await request.post('/invitations/accept-new', { data: { token, name: 'Dewi Sesi', password } });
  expect(joined.ok()).toBe(true);
  const signInWithCookie = async (target: Page) => {
    const answer = await target.request.post('/auth/login', { data: { email, password, session: 'cookie' } });
    expect(answer.ok()).toBe(true);
  };

  await signInWithCookie(page);
  // A second browser (another device: Firefox on a Mac), signed in after this one.
  const other = await browser.newContext({
    locale: 'id-ID',
    baseURL,
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0',
  });
  try {
    const second = await other.newPage();
    await signInWithCookie(second);
    await second.goto('/app/kspi/calendar');
    await expect(second.getByRole('heading', { name: 'Kalender', level: 1 })).toBeVisible();

    await page.goto('/app/kspi/settings');
    const sessions = page.getByTestId('session');
    // This browser first, then the others (the second browser's, and the one accepting the invitation made).
    await expect(sessions).toHaveCount(3);
    const here = sessions.first();
    await expect(here).toContainText('Perangkat ini');
    await expect(sessions.filter({ hasText: 'Perangkat ini' })).toHaveCount(1);
    // The projects' devices: Chrome on Windows (desktop), Chrome on a Pixel (phone).
    await expect(here).toContainText(info.project.name === 'phone' ? 'Chrome di Android' : 'Chrome di Windows');
    await expect(here).toContainText('127.0.0.1');
    await expect(page.getByTestId('session').filter({ hasText: '::ffff:' })).toHaveCount(0);
    await expect(here.getByRole('button')).toHaveCount(0);
    await expectAccessible(page);

    const theirs = sessions.filter({ hasText: 'Firefox di macOS' });
    await expect(theirs).toHaveCount(1);
    await theirs.getByRole('button', { name: /^Cabut sesi Firefox di macOS, masuk / }).click();
    await expect(sessions).toHaveCount(2);
    // The second browser is signed out on its next request.
    await second.reload();
    await second.waitForURL(/\/app\/sign-in/);
    await expect(second.getByRole('heading', { name: 'Masuk ke Gaung' })).toBeVisible();
    // This one is not.
    await page.reload();
    await expect(page.getByTestId('session').first()).toContainText('Perangkat ini');
  } finally {
    await other.close();
  }
});
