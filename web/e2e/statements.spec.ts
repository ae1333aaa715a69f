import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// Rapid response (issue 13): the coordinator who writes a statement cannot release it; the admin can,
// and the page then shows each account's progress until everything is out.
test('rapid response: the writer cannot release, a second person does, progress shows per account', async ({
  page,
  request,
}, info) => {
  test.setTimeout(90_000); // two sign-ins, two axe runs and a publish
  const text = `Pernyataan sikap ${info.project.name} ${Date.now()}: tolak PHK sepihak.`;
  await signIn(page, demoEmail('coordinator'));
  if (info.project.name === 'desktop') {
    await page.getByRole('link', { name: 'Pernyataan cepat' }).click();
    await expect(page).toHaveURL(/\/app\/kspi\/statements$/);
  } else {
    await page.goto('/app/kspi/statements');
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Pernyataan cepat' })).toBeVisible();
  const compose = page.getByRole('region', { name: 'Tulis pernyataan' });
  await compose.getByRole('textbox', { name: /^Pernyataan/ }).fill(text);
  const accounts = compose.getByRole('group', { name: /Akun/ }).getByRole('checkbox');
  await accounts.nth(0).check();
  await accounts.nth(1).check();
  await expectAccessible(page);
  await compose.getByRole('button', { name: 'Minta dirilis' }).click();
  await expect(compose.getByRole('status')).toContainText('Koordinator sudah diberi tahu');

  // The writer sees it waiting, with no button, and the API refuses the writer all the same.
  const card = page.getByRole('article').filter({ hasText: text });
  await expect(
    page
      .getByRole('region', { name: /^Menunggu dirilis/ })
      .getByRole('article')
      .filter({ hasText: text }),
  ).toBeVisible();
  await expect(card.getByTestId('statement-target').and(card.locator('[data-state="PENDING"]'))).toHaveCount(2);
  await expect(card.getByRole('button', { name: /Rilis/ })).toHaveCount(0);
  await expect(card.getByText('Anda menulis atau mengubah pernyataan ini')).toBeVisible();
  const headers = await apiAs(request, demoEmail('coordinator'));
  const listed = (await (await request.get('/workspaces/kspi/statements', { headers })).json()) as {
    posts: Array<{ id: string; baseText: string; version: number }>;
  };
  const statement = listed.posts.find((p) => p.baseText === text)!;
  const refused = await request.post(`/workspaces/kspi/statements/${statement.id}/release`, {
    headers,
    data: { version: statement.version },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('statement_needs_second_person');

  // A second person releases it from the same page; the progress fills in live.
  await page.context().clearCookies();
  await signIn(page, demoEmail('admin'), '/app/kspi/statements');
  const theirs = page.getByRole('article').filter({ hasText: text });
  await theirs.getByRole('button', { name: 'Rilis ke 2 akun sekarang' }).click();
  await expect(theirs.getByRole('status')).toContainText('2 dari 2 akun sudah terbit', { timeout: 15_000 });
  await expect(theirs.getByTestId('statement-target').filter({ hasText: 'Terbit' })).toHaveCount(2);
  await expectAccessible(page);
  await theirs.screenshot({ path: `test-results/statement-released-${info.project.name}.png` });
});
