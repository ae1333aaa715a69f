import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { e2eEnvironment, e2eTelegramPort, e2eXPort } from './environment.mjs';

export const DEMO_PASSWORD = 'gaung-demo-2026';
export type DemoRole = 'owner' | 'admin' | 'coordinator' | 'editor' | 'viewer';
export const demoEmail = (role: DemoRole, org: 'kspi' | 'ksbsi' = 'kspi') => `${role}@${org}.demo`;

/** The database of the Gaung this worker runs against (in a test or a hook; web/e2e/fixtures.ts). */
export const runDatabaseUrl = () => e2eEnvironment(test.info().parallelIndex).DATABASE_URL!;
/** The port of the X stand-in that this worker's Gaung is configured with. */
export const runXPort = () => e2eXPort(test.info().parallelIndex);
/** The port of the Telegram Bot API stand-in that this worker's Gaung is configured with. */
export const runTelegramPort = () => e2eTelegramPort(test.info().parallelIndex);

/**
 * Signs in with the request the sign-in page itself sends (POST /auth/login for a cookie session):
 * the httpOnly session cookie lands in the page's browser context without loading the sign-in page,
 * which sign-in.spec and language.spec go through as a person would. Then opens `next` (a path
 * such as /app/kspi/review), by default the app's start (the calendar). The profile's language and
 * zone follow the user to every device, so each test first puts them back to the demo's own
 * (Indonesian, the workspace's zone): another spec may have changed them.
 */
export async function signIn(page: Page, email: string, next?: string): Promise<void> {
  const profile = await page.request.patch('/me', {
    headers: await apiAs(page.request, email),
    data: { locale: 'id', timeZone: null },
  });
  expect(profile.ok()).toBe(true);
  const session = await page.request.post('/auth/login', {
    data: { email, password: DEMO_PASSWORD, session: 'cookie' },
  });
  expect(session.ok()).toBe(true);
  await page.goto(next ?? '/app/');
  if (next === undefined) await page.waitForURL(/\/app\/[^/]+\/calendar/);
}

/** Signs in through the sign-in page, as a person would, keeping the profile as it is. */
export async function signInThroughThePage(page: Page, email: string): Promise<void> {
  await page.goto('/app/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL(/\/app\/[^/]+\/calendar/);
}

/**
 * axe on the page once it has settled: no serious or critical violation. A menu or drawer still
 * fading out is half transparent, which axe reads as too little contrast, so finite animations and
 * transitions end first (a spinner's endless one is not waited for).
 */
export async function expectAccessible(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).length),
    )
    .toBe(0);
  // With a modal dialog open, the page behind it is dimmed by the overlay and out of reach (focus is
  // trapped in the dialog): its text is not read, so its contrast is checked only inside the dialog;
  // every other rule still covers the whole page. (A holiday in the calendar behind the keyboard
  // move dialog read as low contrast through the overlay.)
  const modal = '[role="dialog"][aria-modal="true"]';
  const everything = () => new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const violations =
    (await page.locator(modal).count()) === 0
      ? (await everything().analyze()).violations
      : [
          ...(await everything().disableRules(['color-contrast']).analyze()).violations,
          ...(await new AxeBuilder({ page }).include(modal).withRules(['color-contrast']).analyze()).violations,
        ];
  const severe = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    ),
  ).toEqual([]);
}

/** A bearer session for checking what the API stored (the page's own session stays in its cookie). */
export async function apiAs(request: APIRequestContext, email: string): Promise<Record<string, string>> {
  const answer = await request.post('/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(answer.ok()).toBe(true);
  const { token } = (await answer.json()) as { token: string };
  return { Authorization: `Bearer ${token}` };
}

/**
 * Nothing lies over `target` where a thumb would press it: the element at its centre is the target
 * itself or inside it (not a bar fixed or stuck to the screen's bottom), and that centre is on screen.
 */
export async function expectUncovered(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  const hit = await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const onScreen = x >= 0 && y >= 0 && x <= window.innerWidth && y <= window.innerHeight;
    const top = document.elementFromPoint(x, y);
    const what = top ? `${top.tagName.toLowerCase()} ${top.textContent?.trim().slice(0, 40) ?? ''}` : 'nothing';
    return onScreen && top !== null && (top === element || element.contains(top)) ? 'the element' : what;
  });
  expect(hit, 'what is at the centre of the element').toBe('the element');
}

/**
 * `target` lies within the screen's width, whole: the page is scrolled up or down to it, never
 * sideways (nor is any box inside it), so a column cut off on the right fails.
 */
export async function expectWithinWidth(target: Locator): Promise<void> {
  await target.evaluate((element) => {
    const box = element.getBoundingClientRect();
    window.scrollBy(0, box.top + box.height / 2 - window.innerHeight / 2);
  });
  await expect(target).toBeInViewport({ ratio: 1 });
  const box = (await target.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(target.page().viewportSize()!.width);
}
