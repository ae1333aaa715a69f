import { expect, test } from './fixtures';
import { ContractServer, sendJson } from './contracts';
import { submittedPost } from './editorial-support';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// A webhook receiver on 127.0.0.1 that refuses every delivery with a 422: the delivery FAILS for good.
let receiver: InstanceType<typeof ContractServer>;
// Signing in, the worker's delivery and two axe runs: more than the default 30 s on a shared machine.
test.setTimeout(90_000);

test.beforeAll(async () => {
  receiver = await new ContractServer()
    .route('POST', '/hook/:account', (_req, res) => sendJson(res, 422, { error: 'Isi ditolak penerima' }))
    .start();
});
test.afterAll(() => receiver.stop());

/** A post by the KSPI editor to a webhook account of its own (one receiver URL per account) that refuses it, approved to publish now. */
async function failingPost(request: Parameters<typeof apiAs>[0], name: string): Promise<string> {
  const admin = await apiAs(request, demoEmail('admin'));
  const account = await request.post('/workspaces/kspi/accounts', {
    headers: admin,
    data: {
      platform: 'WEBHOOK',
      url: `${receiver.baseUrl}/hook/${name.replace(/\W+/g, '-')}`,
      displayName: `Penerima ${name}`,
    },
  });
  expect(account.ok()).toBe(true);
  const editor = await apiAs(request, demoEmail('editor'));
  const created = await request.post('/workspaces/kspi/posts', {
    headers: editor,
    data: { baseText: `Aksi ${name}`, targets: [{ accountId: (await account.json()).id }], publishNow: true },
  });
  expect(created.ok()).toBe(true);
  const { id } = (await created.json()) as { id: string };
  const submitted = await request.post(`/workspaces/kspi/posts/${id}/submit`, { headers: editor });
  expect(submitted.ok()).toBe(true);
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const approved = await request.post(`/workspaces/kspi/posts/${id}/approve`, {
    headers: coordinator,
    data: { version: (await submitted.json()).version },
  });
  expect(approved.ok()).toBe(true);
  return id;
}

test('a post fails: the bell shows it to its author, and the notification opens the post', async ({
  page,
  request,
}, info) => {
  const postId = await failingPost(request, `gagal ${info.project.name}`);
  await signIn(page, demoEmail('editor'));
  const bell = page.getByTestId('notification-bell');
  // The worker publishes in the background: the count appears once the delivery has failed.
  await expect(async () => {
    await page.reload();
    await expect(bell.getByTestId('notification-count')).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(bell).toHaveAccessibleName(/^Pemberitahuan: \d+ belum dibaca$/);
  await expectAccessible(page);

  await bell.click();
  await expect(page.getByRole('heading', { name: 'Pemberitahuan' })).toBeVisible();
  const item = page
    .getByTestId('notification')
    .filter({ hasText: `"Aksi gagal ${info.project.name}" gagal diterbitkan` })
    .first();
  await expect(item).toContainText('Isi ditolak penerima');
  await expect(item.getByText('Baru')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/notifications-${info.project.name}.png`, fullPage: true });

  await item.getByRole('link', { name: 'Buka postingan' }).click();
  await page.waitForURL(new RegExp(`/app/kspi/posts/${postId}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('mark all read empties the unread list and the bell', async ({ page, request }, info) => {
  await failingPost(request, `semua ${info.project.name}`);
  await signIn(page, demoEmail('coordinator'), '/app/kspi/notifications');
  // The coordinator was told the post was submitted (and, soon, that it failed).
  await expect(
    page
      .getByTestId('notification')
      .filter({ hasText: `semua ${info.project.name}` })
      .first(),
  ).toBeVisible();
  await page.getByText('Belum dibaca', { exact: true }).click();
  await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
  await expect(page.getByText('Semua pemberitahuan sudah dibaca.')).toBeVisible();
  await expect(page.getByTestId('notification-count')).toHaveCount(0);
  await expect(page.getByTestId('notification-bell')).toHaveAccessibleName(
    'Pemberitahuan: tidak ada yang belum dibaca',
  );
});

test('marking one notification read: its badge goes, the bell counts one less, the other stays unread', async ({
  page,
  request,
}, info) => {
  const stamp = `${info.project.name} ${Date.now()}`;
  await submittedPost(request, `Satu dibaca ${stamp}`);
  await submittedPost(request, `Satu belum ${stamp}`);
  await signIn(page, demoEmail('coordinator'), '/app/kspi/notifications');
  const bell = page.getByTestId('notification-bell');
  const unread = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+) belum dibaca/)?.[1] ?? 0);
  const read = page.getByTestId('notification').filter({ hasText: `Satu dibaca ${stamp}` });
  const other = page.getByTestId('notification').filter({ hasText: `Satu belum ${stamp}` });
  await expect(read.getByText('Baru', { exact: true })).toBeVisible();
  await expect(other.getByText('Baru', { exact: true })).toBeVisible();
  await expect.poll(unread).toBeGreaterThanOrEqual(2);
  const before = await unread();

  await read.getByRole('button', { name: 'Tandai dibaca' }).click();
  await expect(read.getByText('Baru', { exact: true })).toHaveCount(0);
  await expect(read.getByRole('button', { name: 'Tandai dibaca' })).toHaveCount(0);
  await expect.poll(unread).toBe(before - 1);
  await expect(other.getByText('Baru', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // Stored by the API: after a reload, and in the unread list.
  await page.reload();
  await expect(read.getByText('Baru', { exact: true })).toHaveCount(0);
  await page.getByText('Belum dibaca', { exact: true }).click();
  await expect(other).toBeVisible();
  await expect(read).toHaveCount(0);
});
