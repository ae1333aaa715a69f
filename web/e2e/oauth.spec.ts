import { expect, test } from './fixtures';
import { XContract } from './contracts';
import { apiAs, DEMO_PASSWORD, demoEmail, expectAccessible, runXPort, signIn } from './support';

// The app under test is configured with X's OAuth app and API on this stand-in (web/e2e/environment.mjs).
let x: InstanceType<typeof XContract>;
test.beforeAll(async () => {
  x = await new XContract().start(runXPort());
});
test.afterAll(() => x.stop());

test('an admin connects X through the OAuth round trip and lands back on the accounts page with a success message', async ({
  page,
  request,
}, info) => {
  const user =
    info.project.name === 'phone'
      ? { id: '2244994946', name: 'KSPI Ponsel', username: 'kspi_ponsel' }
      : { id: '2244994945', name: 'KSPI Pusat', username: 'kspi_pusat' };
  x.users.set(user.id, user);
  // X's approval page: the browser cannot reach x.com here, so the test plays the admin approving
  // there. It hands out a code bound to the PKCE challenge and redirect URI (as X does) and sends
  // the browser back to Gaung's callback; the code exchange and "who am I" then go to the stand-in.
  await page.route(/^https:\/\/(x|twitter)\.com\/i\/oauth2\/authorize/, async (route) => {
    const authorize = new URL(route.request().url());
    const code = `code-${authorize.searchParams.get('state')!.slice(0, 8)}`;
    x.codes.set(code, {
      userId: user.id,
      challenge: authorize.searchParams.get('code_challenge')!,
      redirectUri: authorize.searchParams.get('redirect_uri')!,
    });
    const back = new URL(authorize.searchParams.get('redirect_uri')!);
    back.searchParams.set('code', code);
    back.searchParams.set('state', authorize.searchParams.get('state')!);
    await route.fulfill({ status: 302, headers: { location: back.toString() } });
  });

  await signIn(page, demoEmail('admin'), '/app/kspi/accounts');
  await page.getByRole('button', { name: 'Hubungkan X' }).click();
  await page.waitForURL(/\/app\/kspi\/accounts\?oauth=connected/);
  await expect(page.getByRole('status').filter({ hasText: 'X terhubung' })).toBeVisible();
  await expect(page.getByRole('article', { name: `X: ${user.name}` })).toBeVisible();
  await expectAccessible(page);

  const headers = await apiAs(request, demoEmail('admin'));
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers })).json()) as {
    accounts: { platform: string; externalId: string; status: string }[];
  };
  expect(accounts.accounts.find((a) => a.platform === 'X' && a.externalId === user.id)?.status).toBe('ACTIVE');
});

test('an approval that comes back too late (the state expired or was used) says so on the accounts page, signed in or not', async ({
  page,
  browser,
}) => {
  // What the platform sends the browser back with, for a state Gaung no longer knows (10 minutes passed).
  const late = `/oauth/callback/x?code=late-code&state=${'A'.repeat(43)}`;
  await signIn(page, demoEmail('admin'), '/app/kspi/accounts');
  await page.goto(late);
  await page.waitForURL(/\/app\/kspi\/accounts\?oauth=error/);
  const alert = page.getByRole('alert').filter({ hasText: 'X belum terhubung' });
  await expect(alert).toContainText('Tautan persetujuan sudah kedaluwarsa');
  await expectAccessible(page);

  // Signed out meanwhile (the session ended while the admin was on the platform): sign in, then the message.
  const context = await browser.newContext({ locale: 'id-ID' });
  try {
    const other = await context.newPage();
    await other.goto(new URL(late, page.url()).toString());
    await other.waitForURL(/\/app\/sign-in\?/);
    await other.getByLabel('Email').fill(demoEmail('admin'));
    await other.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
    await other.getByRole('button', { name: 'Masuk' }).click();
    await other.waitForURL(/\/app\/kspi\/accounts\?oauth=error/);
    await expect(other.getByRole('alert').filter({ hasText: 'X belum terhubung' })).toContainText(
      'Tautan persetujuan sudah kedaluwarsa',
    );
  } finally {
    await context.close();
  }
});
