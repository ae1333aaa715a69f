import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import pg from 'pg';
import { TelegramContract } from './contracts';
import { apiAs, demoEmail, expectAccessible, runDatabaseUrl, signIn } from './support';

// Gaung verifies a Telegram bot with the Bot API; this stand-in (127.0.0.1) follows its contract.
let telegram: InstanceType<typeof TelegramContract>;
const BOT_TOKEN = '7000111:AAE-e2e-desk-token-aaaaaaaaaaaaaaaaaa';

test.beforeAll(async () => {
  telegram = await new TelegramContract().start();
  telegram.validTokens.add(BOT_TOKEN);
});
test.afterAll(() => telegram.stop());

async function openAccounts(page: Page) {
  await signIn(page, demoEmail('admin'), '/app/kspi/accounts');
  await expect(page.getByRole('heading', { name: 'Akun terhubung' })).toBeVisible();
}

test('an admin connects a Telegram channel through the form, with help beside each field, then edits its posting slots', async ({
  page,
}, info) => {
  const channel = `serikat_${info.project.name}`;
  telegram.addChat({
    id: info.project.name === 'phone' ? -1002 : -1001,
    type: 'channel',
    title: 'Serikat Kita',
    username: channel,
    bot: 'administrator',
  });
  await openAccounts(page);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Telegram', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Hubungkan Telegram' });
  await expect(dialog.getByText('@BotFather')).toBeVisible();
  await dialog.getByLabel('Token bot').fill(BOT_TOKEN);
  await dialog.getByLabel('Kanal atau grup').fill(`@${channel}`);
  await dialog.getByLabel('Nama di Gaung (opsional)').fill(`Telegram ${info.project.name}`);
  await dialog.getByRole('button', { name: 'Pengaturan lain (server sendiri)' }).click();
  await dialog.getByLabel('Alamat server Bot API').fill(telegram.baseUrl);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Periksa dan hubungkan' }).click();
  await expect(page.getByRole('dialog', { name: `Telegram ${info.project.name} terhubung` })).toBeVisible();
  await page.getByRole('button', { name: 'Selesai' }).click();

  const card = page.getByRole('article', { name: `Telegram: Telegram ${info.project.name}` });
  await expect(card.getByText('Aktif')).toBeVisible();
  await expect(card.getByText('Slot posting: belum ada')).toBeVisible();
  await card.getByRole('button', { name: 'Ubah slot posting' }).click();
  const slots = page.getByRole('dialog', { name: /Slot posting/ });
  await slots.getByRole('button', { name: 'Tambah slot' }).click();
  await slots.getByLabel('Hari').selectOption('3');
  await slots.getByLabel('Jam').fill('12:30');
  await slots.getByRole('button', { name: 'Simpan slot' }).click();
  await expect(card.getByText('Slot posting: Rab 12:30')).toBeVisible();
});

test("a wrong bot token is refused with the platform's reason and nothing is connected", async ({ page }) => {
  await openAccounts(page);
  await expect(page.getByRole('article').first()).toBeVisible();
  const before = await page.getByRole('article').count();
  await page.getByRole('button', { name: 'Telegram', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Hubungkan Telegram' });
  await dialog.getByLabel('Token bot').fill('7000111:AAE-this-token-was-revoked-aaaaaaaaaaa');
  await dialog.getByLabel('Kanal atau grup').fill('@serikat_desktop');
  await dialog.getByRole('button', { name: 'Pengaturan lain (server sendiri)' }).click();
  await dialog.getByLabel('Alamat server Bot API').fill(telegram.baseUrl);
  await dialog.getByRole('button', { name: 'Periksa dan hubungkan' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Unauthorized');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('article')).toHaveCount(before);
});

test('an admin connects a webhook, sees its signing secret once, then disconnects it after reading what it cancels', async ({
  page,
  request,
}, info) => {
  await openAccounts(page);
  await page.getByRole('button', { name: 'Webhook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Hubungkan Webhook' });
  await dialog.getByLabel('Alamat penerima (URL)').fill(`http://127.0.0.1:9/hook-${info.project.name}`);
  await dialog.getByLabel('Nama di Gaung (opsional)').fill(`Hook ${info.project.name}`);
  await dialog.getByRole('button', { name: 'Periksa dan hubungkan' }).click();
  const done = page.getByRole('dialog', { name: `Hook ${info.project.name} terhubung` });
  await expect(done.getByText('hanya ditampilkan sekali')).toBeVisible();
  expect((await done.getByTestId('revealed-secret').textContent())!.length).toBeGreaterThanOrEqual(16);
  await expectAccessible(page);
  await done.getByRole('button', { name: 'Selesai' }).click();

  const card = page.getByRole('article', { name: `Webhook: Hook ${info.project.name}` });
  await card.getByRole('button', { name: 'Putuskan' }).click();
  const confirm = page.getByRole('dialog', { name: `Putuskan Hook ${info.project.name}?` });
  await expect(confirm.getByText('Tidak ada pengiriman terjadwal yang akan dibatalkan.')).toBeVisible();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Putuskan akun' }).click();
  await expect(card).toHaveCount(0);
  const headers = await apiAs(request, demoEmail('admin'));
  const all = (await (await request.get('/workspaces/kspi/accounts?include=all', { headers })).json()) as {
    accounts: { displayName: string; status: string }[];
  };
  expect(all.accounts.find((a) => a.displayName === `Hook ${info.project.name}`)?.status).toBe('DISABLED');
});

test("the OAuth round trip's outcome shows in the page's language, and a platform not set up says so", async ({
  page,
}) => {
  await openAccounts(page);
  // The API's callback sends a browser here (its jest test checks the redirect itself).
  await page.goto('/app/kspi/accounts?oauth=error&platform=x&code=oauth_denied');
  await expect(page.getByRole('alert').filter({ hasText: 'X belum terhubung' })).toContainText(
    'Persetujuan di platform dibatalkan',
  );
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Tutup' }).click();
  await expect(page).toHaveURL(/\/app\/kspi\/accounts$/);
  await page.getByRole('button', { name: 'Hubungkan LinkedIn' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
});

test('a coordinator sees the accounts and their state but no admin action', async ({ page }) => {
  await signIn(page, demoEmail('coordinator'), '/app/kspi/accounts');
  await expect(page.getByRole('article').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Putuskan' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Hubungkan akun' })).toHaveCount(0);
  await expectAccessible(page);
});

test('an Instagram account shows the rate budget left, as the engine counts it', async ({ page }) => {
  // Written straight into the run's database: connecting Instagram needs the Graph OAuth round trip.
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", handle, status, "updatedAt")
       SELECT '0193a000-0000-7000-8000-00000000a1a1', id, 'INSTAGRAM', 'KSPI di Instagram', 'kspi.ig', 'ACTIVE', now() FROM "Workspace" WHERE slug = 'kspi'
       ON CONFLICT (id) DO NOTHING`,
    );
  } finally {
    await client.end();
  }
  await openAccounts(page);
  const card = page.getByRole('article', { name: 'Instagram: KSPI di Instagram' });
  await expect(card.getByTestId('rate-budget')).toHaveText('Batas 24 jam: 50 dari 50 posting tersisa');
  await expectAccessible(page);
});
