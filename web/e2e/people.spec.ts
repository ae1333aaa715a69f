import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

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
  // The app's own confirmation (not the browser's): what removing means, then the member is gone.
  await row.getByRole('button', { name: 'Keluarkan' }).click();
  const confirm = page.getByRole('dialog', { name: 'Keluarkan Sari Anggota?' });
  await expect(confirm).toContainText('Posting yang sudah ditulisnya tetap ada');
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Batal' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Keluarkan' }).click();
  await page
    .getByRole('dialog', { name: 'Keluarkan Sari Anggota?' })
    .getByRole('button', { name: 'Keluarkan Sari Anggota' })
    .click();
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

test('someone with an account, signed out, opens an invitation, signs in, accepts and lands in the invited workspace', async ({
  page,
  browser,
  request,
}, info) => {
  // Someone who already uses Gaung in another workspace (KSBSI's), invited to KSPI.
  const email = `lama-${info.project.name}-${Date.now()}@ksbsi.demo`;
  const password = 'serikat-lama-2026';
  const invite = async (org: 'kspi' | 'ksbsi') => {
    const answer = await request.post(`/workspaces/${org}/invitations`, {
      headers: await apiAs(request, demoEmail('admin', org)),
      data: { email, role: 'EDITOR' },
    });
    expect(answer.ok()).toBe(true);
    return ((await answer.json()) as { inviteUrl: string }).inviteUrl;
  };
  const first = new URL(await invite('ksbsi')).searchParams.get('token')!;
  const joined = await request.post('/invitations/accept-new', {
    data: { token: first, name: `Rina ${info.project.name}`, password },
  });
  expect(joined.ok()).toBe(true);
  const link = await invite('kspi');

  const context = await browser.newContext({ locale: 'id-ID' });
  try {
    const invitee = await context.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole('heading', { name: 'Undangan ke ruang kerja' })).toBeVisible();
    await expectAccessible(invitee);
    await invitee.getByRole('link', { name: 'Saya sudah punya akun: masuk' }).click();
    await invitee.waitForURL(/\/app\/sign-in\?next=/);
    await invitee.getByLabel('Email').fill(email);
    await invitee.getByLabel('Kata sandi').fill(password);
    await invitee.getByRole('button', { name: 'Masuk' }).click();
    // Back on the invitation, signed in.
    await expect(invitee.getByText(`Anda masuk sebagai ${email}`)).toBeVisible();
    await expectAccessible(invitee);
    await invitee.getByRole('button', { name: 'Terima undangan' }).click();
    await invitee.waitForURL(/\/app\/kspi\/calendar/);
    await expect(invitee.getByRole('heading', { name: 'Kalender', level: 1 })).toBeVisible();
  } finally {
    await context.close();
  }
  await signIn(page, demoEmail('admin'), '/app/kspi/people');
  await expect(page.getByRole('article', { name: `Rina ${info.project.name}` })).toBeVisible();
});
