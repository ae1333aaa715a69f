import { expect, test } from '../fixtures';
import { apiAs, demoEmail } from '../support';
import { shootBoth } from './shoot';

test('rapid response: a statement waiting for release', async ({ browser, request }) => {
  const headers = await apiAs(request, demoEmail('editor'));
  const accounts = (
    (await (await request.get('/workspaces/kspi/accounts', { headers })).json()) as { accounts: Array<{ id: string }> }
  ).accounts;
  const text = 'KSPI menolak PHK sepihak di pabrik garmen Bekasi. Kami menuntut perusahaan membuka dialog hari ini.';
  const written = await request.post('/workspaces/kspi/statements', {
    headers,
    data: {
      title: 'Tolak PHK sepihak',
      baseText: text,
      targets: accounts.slice(0, 2).map((a) => ({ accountId: a.id })),
    },
  });
  expect(written.status()).toBe(201);
  await shootBoth(browser, 'statement-waiting', demoEmail('coordinator'), async (page) => {
    await page.goto('/app/kspi/statements');
    await expect(
      page
        .getByRole('article')
        .filter({ hasText: text })
        .getByRole('button', { name: /Rilis ke 2 akun/ }),
    ).toBeVisible();
  });
});
