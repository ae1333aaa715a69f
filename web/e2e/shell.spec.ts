import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

test('the shell: skip link first, zone into the URL, language switch, keyboard all the way', async ({ page }, info) => {
  await signIn(page, demoEmail('coordinator'));
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Langsung ke isi' })).toBeFocused();
  if (info.project.name === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
  const zone = page.getByRole('combobox', { name: 'Zona waktu' });
  await zone.click();
  await zone.fill('WIT');
  await page.getByRole('option', { name: 'WIT (Asia/Jayapura)' }).click();
  await expect(page).toHaveURL(/zone=WIT/);
  if (info.project.name === 'phone') await page.keyboard.press('Escape');
  await expectAccessible(page);
  if (info.project.name === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByText('EN', { exact: true }).locator('visible=true').click();
  if (info.project.name === 'phone') await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(page.getByText('Status legend')).toBeVisible();
  // The switch is kept on the profile: back to Indonesian, for the tests that sign in after this one.
  if (info.project.name === 'phone') await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByText('ID', { exact: true }).locator('visible=true').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kalender' })).toBeVisible();
});

test('someone signed in who belongs to no workspace lands on a page that says what to do', async ({
  page,
  request,
}, info) => {
  // A member invited, then gone from the workspace (they left): an account with no workspace.
  const email = `tanpa-ruang-${info.project.name}-${Date.now()}@kspi.demo`;
  const password = 'serikat-kuat-2026';
  const invitation = await request.post('/workspaces/kspi/invitations', {
    headers: await apiAs(request, demoEmail('admin')),
    data: { email, role: 'EDITOR' },
  });
  expect(invitation.ok()).toBe(true);
  const { inviteUrl } = (await invitation.json()) as { inviteUrl: string };
  const token = new URL(inviteUrl).searchParams.get('token');
  const joined = await request.post('/invitations/accept-new', {
    data: { token, name: 'Tanpa Ruang', password },
  });
  expect(joined.ok()).toBe(true);
  const { token: bearer } = (await joined.json()) as { token: string };
  const left = await request.post('/workspaces/kspi/leave', { headers: { Authorization: `Bearer ${bearer}` } });
  expect(left.status()).toBe(204);

  const session = await page.request.post('/auth/login', { data: { email, password, session: 'cookie' } });
  expect(session.ok()).toBe(true);
  await page.goto('/app/');
  await page.waitForURL(/\/app\/no-workspace$/);
  await expect(page.getByRole('heading', { name: 'Belum ada ruang kerja' })).toBeVisible();
  await expect(page.getByText('Minta admin organisasi Anda untuk mengundang Anda.')).toBeVisible();
  await expectAccessible(page);
});
