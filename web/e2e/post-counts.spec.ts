import { type APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// The demo's showcase posts (src/demo/demo-history.ts, SHOWCASE_TEXTS), published ten days before the seed.
const COUNTS_TEXT = 'Contoh angka: posting ini terbit ke dua kanal.';
const DELETED_TEXT = 'Contoh angka: posting ini kemudian dihapus di platform.';

/** The id of the demo post whose text starts with `text` (the list is paged; history posts are many). */
async function demoPostId(request: APIRequestContext, text: string): Promise<string> {
  const headers = await apiAs(request, demoEmail('viewer'));
  let before: string | null = null;
  for (let page = 0; page < 20; page++) {
    const url = `/workspaces/kspi/posts?limit=200${before ? `&before=${before}` : ''}`;
    const body = (await (await request.get(url, { headers })).json()) as {
      posts: Array<{ id: string; baseText: string }>;
      nextBefore: string | null;
    };
    const found = body.posts.find((post) => post.baseText.startsWith(text));
    if (found) return found.id;
    if (!body.nextBefore) break;
    before = body.nextBefore;
  }
  throw new Error(`demo post "${text}" not found: is the demo seeded?`);
}

test('a viewer reads a published post\'s counts over time per delivery; a channel without counts says "not available", never 0', async ({
  page,
  request,
}, info) => {
  const postId = await demoPostId(request, COUNTS_TEXT);
  await signIn(page, demoEmail('viewer'));
  await page.goto(`/app/kspi/posts/${postId}`);
  const history = page.getByRole('listitem').filter({ hasText: 'KSPI Mastodon (riwayat demo)' });
  await expect(history.getByRole('heading', { name: 'Angka dari waktu ke waktu' })).toBeVisible();
  const table = history.getByRole('table', { name: 'Angka KSPI Mastodon (riwayat demo) dari waktu ke waktu' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row').nth(1)).toContainText('+1 jam');
  await expect(table.getByRole('row').nth(1)).toContainText('18 interaksi');
  await expect(table.getByRole('row').nth(3)).toContainText('+7 hari');
  await expect(table.getByRole('row').nth(3)).toContainText('86 interaksi');
  await expect(table.getByRole('row').nth(3)).toContainText('58 suka · 19 repost · 9 balasan');

  const webhook = page.getByRole('listitem').filter({ hasText: 'KSPI webhook (demo receiver)' });
  await expect(webhook.getByText('Tidak tersedia: platform ini tidak memberi angka kepada Gaung.')).toBeVisible();
  const unavailable = webhook.getByRole('table');
  await expect(unavailable.getByRole('row')).toHaveCount(4);
  await expect(unavailable.getByText('tidak tersedia')).toHaveCount(3);
  await expect(unavailable.getByText(/\d+ interaksi/)).toHaveCount(0); // never "0 interaksi"
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/post-counts-${info.project.name}.png`, fullPage: true });
});

test('a post deleted on the platform says so and keeps the counts from before', async ({ page, request }) => {
  const postId = await demoPostId(request, DELETED_TEXT);
  await signIn(page, demoEmail('viewer'));
  await page.goto(`/app/kspi/posts/${postId}`);
  await expect(page.getByText('Dihapus di platform: angka sebelum dihapus tetap tercatat di bawah.')).toBeVisible();
  const table = page.getByRole('table', { name: /KSPI Mastodon \(riwayat demo\)/ });
  await expect(table.getByRole('row').nth(1)).toContainText('7 interaksi');
  await expect(table.getByText('dihapus', { exact: true })).toHaveCount(2);
  await expectAccessible(page);
});

test('an editor asks for the counts now; a viewer cannot', async ({ page, request }) => {
  const postId = await demoPostId(request, DELETED_TEXT);
  await signIn(page, demoEmail('viewer'));
  await page.goto(`/app/kspi/posts/${postId}`);
  await expect(page.getByRole('heading', { name: 'Angka dari waktu ke waktu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Baca angka sekarang' })).toHaveCount(0);
  await page.goto('/app/sign-out');
  // The demo history account is disconnected: the request is queued and the worker reads nothing from a platform.
  await signIn(page, demoEmail('editor'));
  await page.goto(`/app/kspi/posts/${postId}`);
  await page.getByRole('button', { name: 'Baca angka sekarang' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Diminta: angka baru muncul di sini/ })).toBeVisible();
  await expectAccessible(page);
});
