import { createHmac, timingSafeEqual } from 'node:crypto';
import { type APIRequestContext, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import pg from 'pg';
import { ContractServer, sendJson, TelegramContract } from './contracts';
import { apiAs, demoEmail, expectAccessible, runDatabaseUrl, signIn } from './support';

// Gaung verifies a Telegram bot with the Bot API; this stand-in (127.0.0.1) follows its contract.
let telegram: InstanceType<typeof TelegramContract>;
const BOT_TOKEN = '7000111:AAE-e2e-desk-token-aaaaaaaaaaaaaaaaaa';

test.beforeAll(async () => {
  telegram = await new TelegramContract().start();
  telegram.validTokens.add(BOT_TOKEN);
});
test.afterAll(() => telegram.stop());

/** What the account keeps in its settings (not shown in the page: it decides the engine's retries). */
async function accountSettings(accountId: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    return (await client.query('SELECT settings FROM "ConnectedAccount" WHERE id = $1', [accountId])).rows[0]?.settings;
  } finally {
    await client.end();
  }
}

/** An editor's post to `accountId`, submitted and approved by the coordinator to publish at once. */
async function publishNow(request: APIRequestContext, accountId: string, text: string): Promise<void> {
  const editor = await apiAs(request, demoEmail('editor'));
  const created = await request.post('/workspaces/kspi/posts', {
    headers: editor,
    data: { baseText: text, targets: [{ accountId }], publishNow: true },
  });
  expect(created.ok()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  const submitted = await request.post(`/workspaces/kspi/posts/${id}/submit`, { headers: editor });
  expect(submitted.ok()).toBe(true);
  const approved = await request.post(`/workspaces/kspi/posts/${id}/approve`, {
    headers: await apiAs(request, demoEmail('coordinator')),
    data: { version: ((await submitted.json()) as { version: number }).version },
  });
  expect(approved.ok()).toBe(true);
}

/** The receiver's check of Gaung's signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">` (src/core/crypto/webhook-signature.ts). */
function signedWith(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2)));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(String(parts.v1), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

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

test('an admin connects a webhook, sees its signing secret once, a signed delivery arrives, then disconnects it after reading what it cancels', async ({
  page,
  request,
}, info) => {
  test.setTimeout(90_000);
  // A receiver on 127.0.0.1 that answers every delivery with 200, keeping what it got.
  const receiver = await new ContractServer()
    .route('POST', '/hook/:name', (_req, res) => sendJson(res, 200, { id: `terima-${Date.now()}` }))
    .start();
  try {
    const path = `/hook/${info.project.name}-${Date.now()}`;
    await openAccounts(page);
    await page.getByRole('button', { name: 'Webhook', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Hubungkan Webhook' });
    await dialog.getByLabel('Alamat penerima (URL)').fill(`${receiver.baseUrl}${path}`);
    await dialog.getByLabel('Nama di Gaung (opsional)').fill(`Hook ${info.project.name}`);
    // Whether the receiver drops repeats: unticked by default (a lost answer is then never re-sent).
    const deduplicates = dialog.getByRole('checkbox', { name: 'Penerima menyaring kiriman ganda (Idempotency-Key)' });
    await expect(deduplicates).not.toBeChecked();
    await expect(dialog.getByText(/tidak pernah terkirim dua kali/)).toBeVisible();
    await deduplicates.check();
    await dialog.getByRole('button', { name: 'Periksa dan hubungkan' }).click();
    const done = page.getByRole('dialog', { name: `Hook ${info.project.name} terhubung` });
    await expect(done.getByText('hanya ditampilkan sekali')).toBeVisible();
    const secret = (await done.getByTestId('revealed-secret').textContent())!;
    expect(secret.length).toBeGreaterThanOrEqual(16);
    await expectAccessible(page);
    await done.getByRole('button', { name: 'Selesai' }).click();

    // A post to it, approved to publish now: the worker delivers it, signed with that secret.
    const headers = await apiAs(request, demoEmail('admin'));
    const listed = (await (await request.get('/workspaces/kspi/accounts', { headers })).json()) as {
      accounts: { id: string; displayName: string }[];
    };
    const hook = listed.accounts.find((a) => a.displayName === `Hook ${info.project.name}`)!;
    expect(await accountSettings(hook.id)).toEqual({ honoursIdempotencyKey: true });
    const text = `Siaran ${info.project.name} ${Date.now()}`;
    await publishNow(request, hook.id, text);
    await expect.poll(() => receiver.requestsTo('POST', new RegExp(`^${path}$`)).length, { timeout: 30_000 }).toBe(1);
    const delivery = receiver.requestsTo('POST', new RegExp(`^${path}$`))[0]!;
    const body = delivery.body.toString('utf8');
    expect((JSON.parse(body) as { text: string }).text).toBe(text);
    expect(signedWith(secret, body, String(delivery.headers['x-gaung-signature']))).toBe(true);

    const card = page.getByRole('article', { name: `Webhook: Hook ${info.project.name}` });
    await card.getByRole('button', { name: 'Putuskan' }).click();
    const confirm = page.getByRole('dialog', { name: `Putuskan Hook ${info.project.name}?` });
    await expect(confirm.getByText('Tidak ada pengiriman terjadwal yang akan dibatalkan.')).toBeVisible();
    await expectAccessible(page);
    await confirm.getByRole('button', { name: 'Putuskan akun' }).click();
    await expect(card).toHaveCount(0);
    const all = (await (await request.get('/workspaces/kspi/accounts?include=all', { headers })).json()) as {
      accounts: { displayName: string; status: string }[];
    };
    expect(all.accounts.find((a) => a.displayName === `Hook ${info.project.name}`)?.status).toBe('DISABLED');

    // It stays readable among the disconnected accounts, folded away, with nothing to press.
    const folded = page.getByRole('button', { name: /^Akun terputus \(\d+\)$/ });
    await expect(folded).toHaveAttribute('aria-expanded', 'false');
    await folded.click();
    const gone = page.getByRole('article', { name: `Webhook: Hook ${info.project.name}` });
    await expect(gone.getByText('Terputus', { exact: true })).toBeVisible();
    await expect(gone.getByText(/^Diputus /)).toBeVisible();
    await expect(gone.getByRole('button')).toHaveCount(0);
    await expectAccessible(page);
  } finally {
    await receiver.stop();
  }
});

test('an account that needs reconnecting is reconnected with a new bot token and is active again; a feed has nothing to reconnect', async ({
  page,
  request,
}, info) => {
  const chat = info.project.name === 'phone' ? -1004 : -1003;
  const channel = `sambung_${info.project.name}`;
  telegram.addChat({ id: chat, type: 'channel', title: 'Sambung Lagi', username: channel, bot: 'administrator' });
  const oldToken = `7000222:AAE-old-${info.project.name}-token-aaaaaaaaaaaaaa`;
  const newToken = `7000222:AAE-new-${info.project.name}-token-aaaaaaaaaaaaaa`;
  telegram.validTokens.add(oldToken);
  telegram.validTokens.add(newToken);
  const name = `Sambung ${info.project.name}`;
  const connected = await request.post('/workspaces/kspi/accounts', {
    headers: await apiAs(request, demoEmail('admin')),
    data: {
      platform: 'TELEGRAM',
      botToken: oldToken,
      chatId: `@${channel}`,
      apiBaseUrl: telegram.baseUrl,
      displayName: name,
    },
  });
  expect(connected.ok()).toBe(true);
  const { id } = (await connected.json()) as { id: string };
  // The health check found the token revoked (BotFather /revoke): what it writes, written here.
  telegram.validTokens.delete(oldToken);
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `UPDATE "ConnectedAccount" SET status = 'NEEDS_RECONNECT', "statusReason" = 'Token bot ditolak Telegram (401)' WHERE id = $1`,
      [id],
    );
  } finally {
    await client.end();
  }

  await openAccounts(page);
  const card = page.getByRole('article', { name: `Telegram: ${name}` });
  await expect(card.getByText('Perlu dihubungkan ulang: Token bot ditolak Telegram (401).')).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Hubungkan ulang' }).click();
  const dialog = page.getByRole('dialog', { name: `Hubungkan ulang ${name}` });
  await dialog.getByLabel('Token bot').fill(newToken);
  await dialog.getByLabel('Kanal atau grup').fill(`@${channel}`);
  await dialog.getByRole('button', { name: 'Pengaturan lain (server sendiri)' }).click();
  await dialog.getByLabel('Alamat server Bot API').fill(telegram.baseUrl);
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Periksa dan hubungkan ulang' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Akun terhubung lagi' })).toBeVisible();
  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect(card.getByText('Aktif', { exact: true })).toBeVisible();
  await expect(card.getByText(/Perlu dihubungkan ulang/)).toHaveCount(0);

  // The demo's public feed has no credentials: there is nothing to reconnect, so no such button.
  const feed = page.getByRole('article', { name: /^Feed: / }).first();
  await expect(feed.getByRole('button', { name: 'Ubah slot posting' })).toBeVisible();
  await expect(feed.getByRole('button', { name: 'Hubungkan ulang' })).toHaveCount(0);
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

test("a card's state badge stays beside the account's name, a long name wrapping on a phone", async ({ page }) => {
  // Written straight into the run's database: a long name and the longest state.
  const name = 'Federasi Serikat Pekerja Logam Elektronik dan Mesin (demo)';
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", handle, status, "statusReason", "updatedAt")
       SELECT '0193a000-0000-7000-8000-00000000a1b2', id, 'BLUESKY', $1, '@fspmi.bsky.social', 'NEEDS_RECONNECT',
              'Invalid identifier or password', now() FROM "Workspace" WHERE slug = 'kspi'
       ON CONFLICT (id) DO NOTHING`,
      [name],
    );
  } finally {
    await client.end();
  }
  await openAccounts(page);
  for (const [label, state] of [
    [`Bluesky: ${name}`, 'Perlu dihubungkan ulang'],
    ['Webhook: KSPI webhook (demo receiver)', 'Aktif'],
  ]) {
    const card = page.getByRole('article', { name: label });
    const title = (await card.getByText(label.slice(label.indexOf(': ') + 2), { exact: true }).boundingBox())!;
    const badge = (await card.getByText(state, { exact: true }).boundingBox())!;
    const box = (await card.boundingBox())!;
    // Beside the name (to its right, starting above the name's last line), never on a line of its own.
    expect(badge.x).toBeGreaterThan(title.x + 40);
    expect(badge.y).toBeLessThan(title.y + title.height);
    expect(badge.x + badge.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await expectAccessible(page);
});
