import { expect, test } from '../fixtures';
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

test('workspace settings', async ({ browser }) => {
  await shootBoth(browser, 'workspace-settings', demoEmail('admin'), async (page) => {
    await page.goto('/app/kspi/settings');
    await expect(page.getByRole('heading', { name: 'Ruang kerja' })).toBeVisible();
  });
});

test('partners', async ({ browser }) => {
  await shootBoth(browser, 'partners', demoEmail('coordinator'), async (page) => {
    await page.goto('/app/kspi/partners');
    await expect(page.getByRole('article', { name: 'Tolak Upah Murah 2027' })).toBeVisible();
    await expect(page.getByLabel('Kampanye')).toBeVisible();
  });
});

test('audit log', async ({ browser }) => {
  await shootBoth(browser, 'audit', demoEmail('admin'), async (page) => {
    // The demo data is written without audit entries: make one the way an admin would.
    await page.goto('/app/kspi/settings');
    await page.getByRole('button', { name: 'Simpan pengaturan ruang kerja' }).click();
    await expect(page.getByText('Pengaturan ruang kerja disimpan.')).toBeVisible();
    await page.goto('/app/kspi/audit');
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
  });
});
