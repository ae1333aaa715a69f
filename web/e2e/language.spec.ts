import { expect, test } from './fixtures';
import { apiAs, demoEmail, signIn, signInThroughThePage } from './support';

// A user of its own workspace (KSBSI): the language saved here never reaches other tests' users.
const USER = demoEmail('viewer', 'ksbsi');

test('the language switched while signed in is kept on the profile and wins on another device', async ({
  page,
  browser,
  request,
  baseURL,
}, info) => {
  const headers = await apiAs(request, USER);
  try {
    await signIn(page, USER);
    if (info.project.name === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await page.getByText('EN', { exact: true }).locator('visible=true').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    await expect
      .poll(async () => ((await (await request.get('/me', { headers })).json()) as { locale: string }).locale)
      .toBe('en');

    // Another device that chose Indonesian before signing in: the profile's English wins.
    const other = await browser.newContext({ ...(info.project.use as object), baseURL });
    const device = await other.newPage();
    await device.goto('/app/sign-in');
    await device.evaluate(() => localStorage.setItem('gaung.language', 'id'));
    await signInThroughThePage(device, USER);
    await expect(device.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    await other.close();
  } finally {
    await request.patch('/me', { headers, data: { locale: 'id' } });
  }
});
