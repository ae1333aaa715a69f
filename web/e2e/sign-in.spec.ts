import { expect, test } from './fixtures';
import { demoEmail, expectAccessible, signIn, signInThroughThePage } from './support';

test.describe('signing in and out', () => {
  test('the sign-in page is in Indonesian, accessible, and refuses a wrong password in words', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/app\/sign-in/);
    await expect(page.getByRole('heading', { name: 'Masuk ke Gaung' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Email').fill(demoEmail('editor'));
    await page.getByLabel('Kata sandi').fill('salah-sekali-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await expectAccessible(page);
  });

  test('the session lives in an httpOnly cookie; signing out ends it', async ({ page, context }) => {
    await signInThroughThePage(page, demoEmail('editor'));
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.endsWith('gaung_session'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.find((c) => c.name.endsWith('gaung_csrf'))?.httpOnly).toBe(false);
    expect(await page.evaluate(() => document.cookie)).not.toContain('gaung_session');
    await page.goto('/app/sign-out');
    await expect(page.getByText('Anda sudah keluar.')).toBeVisible();
    await page.goto('/app/kspi/calendar');
    await expect(page).toHaveURL(/\/app\/sign-in/);
  });

  test('an expired session goes to sign-in and comes back to the page it was on', async ({ page, context }) => {
    await signIn(page, demoEmail('viewer'));
    await context.clearCookies();
    await page.goto('/app/kspi/calendar?view=week&zone=WIT');
    await expect(page).toHaveURL(/\/app\/sign-in\?/);
    await page.getByLabel('Email').fill(demoEmail('viewer'));
    await page.getByLabel('Kata sandi').fill('gaung-demo-2026');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page).toHaveURL(
      /\/app\/kspi\/calendar\?.*view=week.*zone=WIT|\/app\/kspi\/calendar\?.*zone=WIT.*view=week/,
    );
  });

  test('password reset and invitation pages are reachable and accessible', async ({ page }) => {
    await page.goto('/app/password-reset');
    await page.getByLabel('Email').fill('siapa@contoh.id');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await expectAccessible(page);
    await page.goto('/app/password-reset/confirm?token=abc');
    await expectAccessible(page);
    await page.goto('/app/invitations/accept');
    await expectAccessible(page);
  });
});
