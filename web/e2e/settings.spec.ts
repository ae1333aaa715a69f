import { expect, test } from './fixtures';
import { demoEmail, expectAccessible, signIn } from './support';

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
