import { expect, test } from './fixtures';
import { submittedPost } from './editorial-support';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

test('the review card diffs against the version the reviewer last saw, with that text from the API', async ({
  page,
  request,
}, info) => {
  const stamp = `${info.project.name} ${Date.now()}`;
  const post = await submittedPost(request, `Aksi damai di depan pabrik ${stamp}`);
  await signIn(page, demoEmail('coordinator'), '/app/kspi/review');
  const card = page.getByRole('article').filter({ hasText: stamp });
  await expect(card).toBeVisible();
  // First sight: nothing to compare with yet. Only the version number stays on this device.
  await expect(card.getByText(/Yang berubah sejak versi/)).toHaveCount(0);
  expect(await page.evaluate((id) => localStorage.getItem(`gaung.seen.${id}`), post.id)).toBe(
    JSON.stringify({ version: post.version }),
  );

  const editor = await apiAs(request, demoEmail('editor'));
  const edited = await request.patch(`/workspaces/kspi/posts/${post.id}`, {
    headers: editor,
    data: { baseText: `Aksi damai di depan kantor gubernur ${stamp}` },
  });
  expect(edited.ok()).toBe(true);
  await page.reload();
  await expect(card.getByText(`Yang berubah sejak versi ${post.version} yang terakhir Anda lihat`)).toBeVisible();
  await expect(card.getByRole('deletion')).toContainText('pabrik');
  await expect(card.getByRole('insertion')).toHaveText(['kantor', /gubernur/]);
  await expectAccessible(page);

  // The post page lists every version with who and when; opening one shows what it changed.
  await card.getByRole('link').first().click();
  const versions = page.getByTestId('post-versions');
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  const latest = versions.getByRole('listitem').first();
  await expect(latest).toContainText(`v${post.version + 1} · Editor KSPI`);
  await latest.locator('summary').press('Enter');
  await expect(latest.getByRole('insertion')).toHaveText(['kantor', /gubernur/]);
  await page.screenshot({ path: `test-results/versions-${info.project.name}.png`, fullPage: true });
  await expectAccessible(page);
});

test('a coordinator sees no Approve on their own post; the API would refuse it', async ({ page, request }, info) => {
  const stamp = `Milik koordinator ${info.project.name} ${Date.now()}`;
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers: coordinator })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const at = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
  const created = await request.post('/workspaces/kspi/posts', {
    headers: coordinator,
    data: {
      baseText: stamp,
      targets: [{ accountId: accounts.accounts.find((a) => a.platform === 'FEED')!.id }],
      schedule: { at, zone: 'Asia/Jakarta' },
    },
  });
  const { id } = (await created.json()) as { id: string };
  expect((await request.post(`/workspaces/kspi/posts/${id}/submit`, { headers: coordinator })).ok()).toBe(true);

  await signIn(page, demoEmail('coordinator'), '/app/kspi/review');
  const card = page.getByRole('article').filter({ hasText: stamp });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: 'Setujui' })).toHaveCount(0);
  await expect(card.getByRole('checkbox')).toHaveCount(0);
  await expect(card.getByTestId('cannot-approve')).toHaveText(
    'Anda menulis atau mengubah versi ini, jadi koordinator lain yang menyetujuinya.',
  );
  await expect(card.getByRole('button', { name: 'Minta perubahan' })).toBeVisible();
  await card.screenshot({ path: `test-results/own-post-${info.project.name}.png` });
  expect(
    (
      await request.post(`/workspaces/kspi/posts/${id}/approve`, { headers: coordinator, data: { version: 1 } })
    ).status(),
  ).toBe(403);
  await expectAccessible(page);
});
