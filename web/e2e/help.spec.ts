import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderGuide } from '../src/features/help/render';
import { GUIDE_FILES, HELP_TOPICS, slugify, type Guide } from '../src/features/help/sections';
import { demoEmail, expectAccessible, signIn } from './support';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const phone = (page: Page) => (page.viewportSize()?.width ?? 0) < 600;

/** Opens the shell's help menu (behind the phone's Menu button) and its item for this page. */
async function helpForThisPage(page: Page, menu: string, item: string): Promise<void> {
  if (phone(page)) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByRole('button', { name: menu, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test('the help menu on the calendar opens the coordinator guide at its calendar section, in Indonesian then in English', async ({
  page,
}) => {
  await signIn(page, demoEmail('coordinator'));
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');

  await helpForThisPage(page, 'Bantuan', 'Bantuan untuk halaman ini');
  await expect(page).toHaveURL(/\/app\/kspi\/help\/coordinator\?topic=calendar/);
  await expect(page.getByRole('heading', { level: 1, name: 'Panduan koordinator Gaung' })).toBeAttached();
  const section = page.getByRole('heading', { level: 2, name: 'Meninjau kalender' });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();
  // The screenshot comes from the app itself (built in), not from the internet.
  const picture = page.getByRole('img', { name: 'Kalender dalam WITA' });
  await expect(picture).toHaveAttribute('src', /^\/app\/assets\/calendar-desktop-[\w-]+\.png$/);
  await picture.scrollIntoViewIfNeeded();
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expectAccessible(page);

  await page.goBack();
  await expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');
  if (phone(page)) await page.getByRole('button', { name: 'Menu', exact: true }).click();
  await page.getByText('EN', { exact: true }).locator('visible=true').click();
  if (phone(page)) await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();

  await helpForThisPage(page, 'Help', 'Help for this page');
  await expect(page).toHaveURL(/\/help\/coordinator\?topic=calendar/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gaung guide for coordinators' })).toBeAttached();
  await expect(page.getByRole('heading', { level: 2, name: 'Reviewing the calendar' })).toBeFocused();
  await expectAccessible(page);

  // A link to another guide stays in the app.
  await page.getByTestId('guide').getByRole('link', { name: 'guide for communication staff' }).click();
  await expect(page).toHaveURL(/\/app\/kspi\/help\/staff$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gaung guide for communication staff' })).toBeVisible();
});

test('every page the help menu knows points at a heading of its guide, in both languages', () => {
  for (const [page, guides] of Object.entries(HELP_TOPICS)) {
    for (const [guide, anchors] of Object.entries(guides) as [Guide, { id: string; en: string }][]) {
      for (const language of ['id', 'en'] as const) {
        const markdown = readFileSync(join(DOCS, GUIDE_FILES[guide][language]), 'utf8');
        const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((match) => slugify(match[1]!));
        expect(headings, `${page} -> ${guide} (${language})`).toContain(anchors[language]);
      }
    }
  }
});

test('a guide cannot bring in HTML, scripts or foreign images', () => {
  const html = renderGuide(
    '# T\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [y](../publishing.md) [z](koordinator.md#melanjutkan)\n\n![a](https://example.org/a.png) ![b](../screenshots/calendar-desktop.png)',
    {
      guideHref: (guide) => `/app/kspi/help/${guide}`,
      screenshots: { 'calendar-desktop.png': '/app/assets/calendar-desktop-abc.png' },
    },
  );
  expect(html).not.toMatch(/<script|<img[^>]*onerror|javascript:|example\.org|publishing\.md/);
  expect(html).toContain('&lt;script&gt;');
  expect(html).toContain(
    '<a href="/app/kspi/help/coordinator" data-help-guide="coordinator" data-help-anchor="melanjutkan">z</a>',
  );
  expect(html).toContain('<img src="/app/assets/calendar-desktop-abc.png" alt="b" loading="lazy">');
});
