import { expect, test } from './fixtures';
import { apiAs, DEMO_PASSWORD, demoEmail, expectAccessible, signIn } from './support';

interface Workspace {
  name: string;
  timeZone: string;
  allowSelfApproval: boolean;
  heldAt: string | null;
  holdReason: string | null;
}

test('an admin changes the workspace settings, holds the workspace with a reason and resumes it', async ({
  page,
  request,
}) => {
  const headers = await apiAs(request, demoEmail('admin'));
  const before = (await (await request.get('/workspaces/kspi', { headers })).json()) as Workspace;
  await signIn(page, demoEmail('admin'), '/app/kspi/settings');
  const panel = page.getByRole('region', { name: 'Ruang kerja' });
  await expect(panel.getByLabel('Nama ruang kerja')).toHaveValue(before.name);
  await expectAccessible(page);
  await panel.getByLabel('Nama ruang kerja').fill(`${before.name} (uji)`);
  await panel.getByLabel('Zona waktu').selectOption('Asia/Makassar');
  await panel.getByLabel('Penulis boleh menyetujui posting sendiri').setChecked(!before.allowSelfApproval);
  await panel.getByRole('button', { name: 'Simpan pengaturan ruang kerja' }).click();
  await expect(panel.getByText('Pengaturan ruang kerja disimpan.')).toBeVisible();
  const after = (await (await request.get('/workspaces/kspi', { headers })).json()) as Workspace;
  expect(after).toMatchObject({
    name: `${before.name} (uji)`,
    timeZone: 'Asia/Makassar',
    allowSelfApproval: !before.allowSelfApproval,
  });

  await panel.getByRole('button', { name: 'Tahan seluruh ruang kerja' }).click();
  const hold = page.getByRole('dialog');
  await hold.getByLabel('Alasan').fill('Krisis: aksi dibatalkan');
  await expectAccessible(page);
  await hold.getByRole('button', { name: 'Tahan sekarang' }).click();
  await expect(panel.getByText('Alasan: Krisis: aksi dibatalkan')).toBeVisible();
  expect(((await (await request.get('/workspaces/kspi', { headers })).json()) as Workspace).holdReason).toBe(
    'Krisis: aksi dibatalkan',
  );
  await panel.getByRole('button', { name: 'Lanjutkan' }).click();
  const resume = page.getByRole('dialog');
  await expect(resume.getByText(/Akan terbit terlambat/)).toBeVisible();
  await resume.getByRole('button', { name: 'Lanjutkan sekarang' }).click();
  await expect(panel.getByRole('button', { name: 'Tahan seluruh ruang kerja' })).toBeVisible();
  expect(((await (await request.get('/workspaces/kspi', { headers })).json()) as Workspace).heldAt).toBeNull();

  // Put back what the other tests expect.
  await request.patch('/workspaces/kspi', {
    headers,
    data: { name: before.name, timeZone: before.timeZone, allowSelfApproval: before.allowSelfApproval },
  });
});

test('an editor sees no workspace settings; the profile switches the language and zone', async ({ page, request }) => {
  await signIn(page, demoEmail('editor'), '/app/kspi/settings');
  await expect(page.getByRole('heading', { name: 'Profil saya' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Ruang kerja' })).toHaveCount(0);
  const profile = page.getByRole('region', { name: 'Profil saya' });
  await profile.getByLabel('Zona waktu').selectOption('Asia/Jayapura');
  await profile.getByLabel('Bahasa').selectOption('en');
  await profile.getByRole('button', { name: 'Simpan profil' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expectAccessible(page);
  const headers = await apiAs(request, demoEmail('editor'));
  expect(await (await request.get('/me', { headers })).json()).toMatchObject({
    locale: 'en',
    timeZone: 'Asia/Jayapura',
  });
  const mine = page.getByRole('region', { name: 'My profile' });
  await mine.getByLabel('Time zone').selectOption('');
  await mine.getByLabel('Language').selectOption('id');
  await mine.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { name: 'Pengaturan', exact: true })).toBeVisible();
  expect(await (await request.get('/me', { headers })).json()).toMatchObject({ locale: 'id', timeZone: null });
});

test('a password change needs the current password, and the new one signs in', async ({ page, request }) => {
  const email = demoEmail('viewer');
  const next = 'kata-sandi-baru-2026';
  await signIn(page, email, '/app/kspi/settings');
  const panel = page.getByRole('region', { name: 'Profil saya' });
  await panel.getByLabel('Kata sandi sekarang').fill('bukan-sandi-ini');
  await panel.getByLabel('Kata sandi baru').fill(next);
  await panel.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(panel.getByRole('alert')).toBeVisible();
  await panel.getByLabel('Kata sandi sekarang').fill(DEMO_PASSWORD);
  await panel.getByLabel('Kata sandi baru').fill(next);
  await panel.getByRole('button', { name: 'Ganti kata sandi' }).click();
  await expect(panel.getByText('Kata sandi diganti.')).toBeVisible();
  await expectAccessible(page);
  // This browser stays signed in; the new password works and the old one no longer does.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Profil saya' })).toBeVisible();
  expect((await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } })).status()).toBe(401);
  const signedIn = await request.post('/auth/login', { data: { email, password: next } });
  expect(signedIn.ok()).toBe(true);
  const { token } = (await signedIn.json()) as { token: string };
  await request.post('/auth/password', {
    headers: { Authorization: `Bearer ${token}` },
    data: { currentPassword: next, newPassword: DEMO_PASSWORD },
  });
});
