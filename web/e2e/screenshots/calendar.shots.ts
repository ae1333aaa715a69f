import { type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { apiAs, demoEmail } from '../support';
import { shootBoth } from './shoot';

const calendarReady = async (page: Page) => {
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('calendar-post').first()).toBeVisible();
};

test('calendar', async ({ browser }) => {
  await shootBoth(browser, 'calendar', demoEmail('coordinator'), async (page) => {
    await page.goto('/app/kspi/calendar?zone=WITA');
    await calendarReady(page);
  });
});

test('hold banner', async ({ browser, request }) => {
  const admin = await apiAs(request, demoEmail('admin'));
  expect(
    (
      await request.post('/workspaces/kspi/hold', {
        headers: admin,
        data: { reason: 'Situasi krisis: semua unggahan ditahan sampai ada keputusan pimpinan' },
      })
    ).ok(),
  ).toBe(true);
  try {
    await shootBoth(browser, 'hold-banner', demoEmail('editor'), async (page) => {
      await page.goto('/app/kspi/calendar?view=list');
      await calendarReady(page);
      await expect(page.getByTestId('hold-banner')).toBeVisible();
    });
  } finally {
    await request.post('/workspaces/kspi/resume', { headers: admin, data: {} });
  }
});
