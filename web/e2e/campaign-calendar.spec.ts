import { expect, test } from './fixtures';
import { campaignWithApprovedPost } from './editorial-support';
import { demoEmail, expectAccessible, signIn } from './support';

test('the campaign page embeds the calendar list of its own posts; a post opens its page', async ({
  page,
  request,
}, info) => {
  const name = `Kalender kampanye ${info.project.name} ${Date.now()}`;
  const { campaign, post } = await campaignWithApprovedPost(request, name);
  await signIn(page, demoEmail('editor'), `/app/kspi/campaigns/${campaign.id}`);
  const embedded = page.getByTestId('campaign-calendar');
  await expect(embedded).toHaveAttribute('data-ready', 'true');
  const entry = embedded.locator(`[data-post-id="${post.id}"]`);
  await expect(entry).toContainText(`${name}: aksi bersama`);
  // Only this campaign's posts: the demo's own campaign posts are not listed.
  await expect(embedded.getByText('Aksi serentak di Jakarta')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: `test-results/campaign-calendar-${info.project.name}.png`, fullPage: true });
  await entry.click();
  await expect(page).toHaveURL(new RegExp(`/app/kspi/posts/${post.id}`));
});
