import { expect, test } from './fixtures';
import { demoEmail, expectAccessible, signIn } from './support';

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
