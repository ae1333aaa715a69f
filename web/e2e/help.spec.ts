import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { existsSync, readFileSync } from 'node:fs';
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

/** Pages of the workspace that no section explains, and why. */
const PAGES_WITHOUT_TOPIC: Record<string, string> = { help: 'the guides themselves' };
/** Routes outside the workspace: pages without the shell, so without a help menu. */
const OUTSIDE_THE_SHELL = [
  '/',
  '/sign-in',
  '/sign-out',
  '/no-workspace',
  '/invitations/accept',
  '/password-reset',
  '/password-reset/confirm',
];

test('every route of the app has a section of a guide behind its help menu, and every topic a route', async ({
  page,
}) => {
  await signIn(page, demoEmail('admin'));
  await expect(page.getByTestId('calendar')).toBeVisible();
  // The routes of the router the app runs (TanStack Router keeps itself on window), not a copy of them.
  const routes = await page.evaluate(() =>
    Object.keys(
      (window as unknown as { __TSR_ROUTER__: { routesById: Record<string, unknown> } }).__TSR_ROUTER__.routesById,
    ),
  );
  const inWorkspace = routes.filter((route) => route.startsWith('/$workspace/'));
  expect(inWorkspace.length).toBeGreaterThan(10);
  const pages = [...new Set(inWorkspace.map((route) => route.split('/')[2]!))];
  expect(
    pages.filter((p) => HELP_TOPICS[p] === undefined && PAGES_WITHOUT_TOPIC[p] === undefined),
    'pages without a topic in web/src/features/help/sections.ts',
  ).toEqual([]);
  expect(
    Object.keys(HELP_TOPICS).filter((topic) => !pages.includes(topic)),
    'topics of no page',
  ).toEqual([]);
  expect(
    routes.filter((route) => route !== '__root__' && route !== '/$workspace' && !inWorkspace.includes(route)).sort(),
  ).toEqual([...OUTSIDE_THE_SHELL].sort());
});

test("the help menu gives each role its own guide's section: workspace settings for admins, notifications for editors", async ({
  page,
}) => {
  await signIn(page, demoEmail('admin'), '/app/kspi/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan' })).toBeVisible();
  await helpForThisPage(page, 'Bantuan', 'Bantuan untuk halaman ini');
  await expect(page).toHaveURL(/\/app\/kspi\/help\/admin\?topic=settings/);
  await expect(page.getByRole('heading', { level: 2, name: 'Pengaturan ruang kerja' })).toBeFocused();

  await signIn(page, demoEmail('editor'), '/app/kspi/notifications');
  await expect(page.getByRole('heading', { level: 1, name: 'Pemberitahuan' })).toBeVisible();
  await helpForThisPage(page, 'Bantuan', 'Bantuan untuk halaman ini');
  await expect(page).toHaveURL(/\/app\/kspi\/help\/staff\?topic=notifications/);
  const section = page.getByRole('heading', { level: 2, name: 'Pemberitahuan' });
  await expect(section).toBeFocused();
  await expect(section).toBeInViewport();
  await expect(page.getByRole('img', { name: 'Daftar pemberitahuan' })).toHaveAttribute(
    'src',
    /^\/app\/assets\/notifications-desktop-[\w-]+\.png$/,
  );
  await expectAccessible(page);
});

test('every picture the guides show is in docs/screenshots', () => {
  for (const files of Object.values(GUIDE_FILES)) {
    for (const file of Object.values(files)) {
      const markdown = readFileSync(join(DOCS, file), 'utf8');
      for (const [, name] of markdown.matchAll(/!\[[^\]]*\]\(\.\.\/screenshots\/([^)]+)\)/g)) {
        expect(existsSync(join(DOCS, 'screenshots', name!)), `${file}: ${name}`).toBe(true);
      }
    }
  }
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
