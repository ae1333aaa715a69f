import { expect, test } from './fixtures';
import { campaignWithApprovedPost } from './editorial-support';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

// Pages that show no campaign of their own: the banner must come from the shell's own questions.
const PAGES = ['/app/kspi/settings', '/app/kspi/accounts', '/app/kspi/people', '/app/kspi/calendar'];

test('every page shows the red banner while a campaign or the workspace is held', async ({ page, request }, info) => {
  const name = `Banner ${info.project.name} ${Date.now()}`;
  const { campaign } = await campaignWithApprovedPost(request, name);
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const admin = await apiAs(request, demoEmail('admin'));
  expect(
    (
      await request.post(`/workspaces/kspi/campaigns/${campaign.id}/hold`, {
        headers: coordinator,
        data: { reason: 'Keamanan di lapangan' },
      })
    ).ok(),
  ).toBe(true);
  try {
    await signIn(page, demoEmail('viewer'));
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page.getByTestId('hold-banner'), path).toContainText(name);
    }
    await expectAccessible(page);

    expect(
      (await request.post('/workspaces/kspi/hold', { headers: admin, data: { reason: 'Darurat nasional' } })).ok(),
    ).toBe(true);
    await page.goto('/app/kspi/settings');
    await expect(page.getByTestId('hold-banner')).toContainText('Darurat nasional');
    await expect(page.getByTestId('hold-banner')).toContainText(name);
  } finally {
    await request.post('/workspaces/kspi/resume', { headers: admin });
    await request.post(`/workspaces/kspi/campaigns/${campaign.id}/resume`, { headers: coordinator });
  }
  await page.goto('/app/kspi/accounts');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByTestId('hold-banner')).toHaveCount(0);
});
