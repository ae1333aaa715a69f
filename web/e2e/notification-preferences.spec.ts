import { expect, test } from './fixtures';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// One person per project (no other spec reads their choices), started from the defaults through the API.
test('notification choices: a kind by e-mail and quiet hours are saved, kept after a reload, and restored', async ({
  page,
  request,
}, info) => {
  const email = demoEmail(info.project.name === 'phone' ? 'owner' : 'viewer');
  const defaults = {
    emailKinds: [
      'POST_SUBMITTED',
      'POST_CHANGES_REQUESTED',
      'TARGET_FAILED',
      'TARGET_UNCONFIRMED',
      'TARGET_EXPIRED',
      'POST_NOT_APPROVED_IN_TIME',
      'ACCOUNT_NEEDS_RECONNECT',
      'WORKSPACE_HELD',
      'CAMPAIGN_HELD',
    ],
    quietHours: null,
    digestHour: null,
  };
  expect(
    (
      await request.put('/me/notification-preferences', { headers: await apiAs(request, email), data: defaults })
    ).status(),
  ).toBe(200);
  await signIn(page, email, '/app/kspi/settings');
  const section = page.getByRole('region', { name: 'Notifikasi', exact: true });
  await expect(section).toBeVisible();
  // E-mail and Telegram each have a group of the same kinds.
  const byEmail = section.getByRole('group', { name: 'Kirim juga lewat e-mail' });
  const comments = byEmail.getByRole('checkbox', { name: 'Komentar pada postingan' });
  const review = byEmail.getByRole('checkbox', { name: 'Postingan diajukan untuk ditinjau' });
  await expect(review).toBeChecked();
  await expect(comments).not.toBeChecked();
  await expect(section.getByText('Tetap dikirim saat jam tenang').first()).toBeVisible();

  await comments.check();
  await section.getByRole('switch', { name: /Jam tenang/ }).check();
  await section.getByRole('textbox', { name: /^Mulai/ }).fill('21:30');
  await section.getByRole('switch', { name: /Ringkasan harian/ }).check();
  await section.getByRole('combobox', { name: 'Jam ringkasan' }).selectOption('18');
  await expectAccessible(page);
  await section.screenshot({ path: `test-results/notification-preferences-${info.project.name}.png` });
  await section.getByRole('button', { name: 'Simpan pilihan notifikasi' }).click();
  await expect(section.getByRole('status')).toHaveText('Pilihan notifikasi disimpan.');

  await page.reload();
  await expect(comments).toBeChecked();
  await expect(section.getByRole('textbox', { name: /^Mulai/ })).toHaveValue('21:30');
  await expect(section.getByRole('textbox', { name: /^Sampai/ })).toHaveValue('06:00');
  await expect(section.getByRole('combobox', { name: 'Jam ringkasan' })).toHaveValue('18');
  expect(
    (
      (await (await request.get('/me/notification-preferences', { headers: await apiAs(request, email) })).json()) as {
        digestHour: number;
      }
    ).digestHour,
  ).toBe(18);

  // Back to the defaults from the page.
  await comments.uncheck();
  await section.getByRole('switch', { name: /Jam tenang/ }).uncheck();
  await section.getByRole('switch', { name: /Ringkasan harian/ }).uncheck();
  await section.getByRole('button', { name: 'Simpan pilihan notifikasi' }).click();
  await expect(section.getByRole('status')).toBeVisible();
  await expect(section.getByRole('textbox', { name: /^Mulai/ })).toHaveCount(0);
});
