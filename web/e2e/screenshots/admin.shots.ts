import { expect, test } from '@playwright/test';
import { demoEmail } from '../support';
import { shootBoth } from './shoot';

test('accounts', async ({ browser }) => {
  await shootBoth(browser, 'accounts', demoEmail('admin'), async (page) => {
    await page.goto('/app/kspi/accounts');
    await expect(page.getByRole('article').first()).toBeVisible();
  });
});

test('accounts: connect Telegram', async ({ browser }) => {
  await shootBoth(browser, 'accounts-connect-telegram', demoEmail('admin'), async (page) => {
    await page.goto('/app/kspi/accounts');
    await page.getByRole('button', { name: 'Telegram', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'Hubungkan Telegram' })).toBeVisible();
  });
});

test('people', async ({ browser }) => {
  await shootBoth(browser, 'people', demoEmail('admin'), async (page) => {
    await page.goto('/app/kspi/people');
    await expect(page.getByRole('article').first()).toBeVisible();
  });
});

test('settings', async ({ browser }) => {
  await shootBoth(browser, 'settings', demoEmail('editor'), async (page) => {
    await page.goto('/app/kspi/settings');
    await expect(page.getByRole('heading', { name: 'Token API pribadi' })).toBeVisible();
  });
});
