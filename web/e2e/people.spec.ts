import { expect, test } from './fixtures';
import { demoEmail, expectAccessible, signIn } from './support';

test('an admin invites a member, who accepts in another browser and sees the workspace', async ({
  page,
  browser,
}, info) => {
  const email = `anggota-${info.project.name}@kspi.demo`;
  await signIn(page, demoEmail('admin'), '/app/kspi/people');
  await expect(page.getByRole('heading', { name: 'Anggota ruang kerja' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('combobox', { name: 'Peran' }).first().selectOption('COORDINATOR');
  await page.getByRole('button', { name: 'Kirim undangan' }).click();
  await expect(page.getByText(`Undangan untuk ${email} dibuat`)).toBeVisible();
  const link = (await page.getByTestId('invite-link').textContent())!;
  expect(link).toMatch(/\/app\/invitations\/accept\?token=/);
  await expectAccessible(page);

  // The invitee: another browser, nobody signed in, opens the link and creates an account.
  const invitee = await browser.newContext({ locale: 'id-ID' });
  const other = await invitee.newPage();
  await other.goto(link);
  await expect(other.getByText('Buat akun Anda untuk menerima undangan ini.')).toBeVisible();
  await other.getByRole('textbox', { name: /^Nama/ }).fill('Sari Anggota');
  await other.getByLabel('Kata sandi baru').fill('serikat-kuat-2026');
  await other.getByRole('button', { name: 'Buat akun dan masuk' }).click();
  // accept-new signs this browser in with the cookie session: the new member lands in the workspace at once.
  await other.waitForURL(/\/app\/kspi\/calendar/);
  await expect(other.getByRole('heading', { name: 'Kalender', level: 1 })).toBeVisible();
  await invitee.close();

  await page.reload();
  const row = page.getByRole('article', { name: 'Sari Anggota' });
  await expect(row.getByRole('combobox', { name: 'Peran Sari Anggota' })).toHaveValue('COORDINATOR');
  await row.getByRole('combobox', { name: 'Peran Sari Anggota' }).selectOption('EDITOR');
  await expect(row.getByRole('combobox', { name: 'Peran Sari Anggota' })).toHaveValue('EDITOR');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Keluarkan' }).click();
  await expect(row).toHaveCount(0);
});

test('the last owner cannot be demoted, and the page says why', async ({ page }) => {
  await signIn(page, demoEmail('owner'), '/app/kspi/people');
  const owner = page.getByRole('article').filter({ hasText: '(Anda)' });
  await owner.getByRole('combobox').selectOption('ADMIN');
  await expect(page.getByText('Ruang kerja selalu butuh setidaknya satu pemilik')).toBeVisible();
  await expect(owner.getByRole('combobox')).toHaveValue('OWNER');
  await expectAccessible(page);
});
