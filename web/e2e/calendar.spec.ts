import { type Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { writeFileSync } from 'node:fs';
import { apiAs, demoEmail, expectAccessible, signIn } from './support';

interface ApiPost {
  id: string;
  scheduledAt: string;
  excerpt: string;
  readOnly: boolean;
  status: string;
}

async function postsOf(page: Page, headers: Record<string, string>, query = 'view=month&zone=WIT'): Promise<ApiPost[]> {
  const answer = await page.request.get(`/workspaces/kspi/calendar?${query}`, { headers });
  expect(answer.ok()).toBe(true);
  return ((await answer.json()) as { posts: ApiPost[] }).posts;
}

const wit = (instant: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jayapura',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
const witDate = (instant: string) => wit(instant).slice(0, 10);
const witTime = (instant: string) => wit(instant).slice(12).replace(':', '.');
const ready = (page: Page) => expect(page.getByTestId('calendar')).toHaveAttribute('data-ready', 'true');

test.describe('the calendar', () => {
  test('shows every time in the zone of the URL (WIT), with the legend, and passes axe', async ({ page }, info) => {
    await signIn(page, demoEmail('coordinator'));
    const headers = await apiAs(page.request, demoEmail('coordinator'));
    const [first] = await postsOf(page, headers, 'view=week&zone=WIT');
    const started = Date.now();
    await page.goto(`/app/kspi/calendar?view=month&zone=WIT&date=${witDate(first.scheduledAt)}`);
    await ready(page);
    await expect(page.locator(`[data-post-id="${first.id}"]`)).toBeVisible();
    const renderedMs = Date.now() - started;
    if (info.project.name === 'desktop') writeFileSync('test-results/month-view-ms.txt', `${renderedMs}\n`);
    await expect(page.locator(`[data-post-id="${first.id}"]`)).toContainText(witTime(first.scheduledAt));
    await expect(page.getByText('Keterangan status')).toBeVisible();
    await expectAccessible(page);
  });

  test('opens in list view on a phone and in month view on a desktop', async ({ page }, info) => {
    await signIn(page, demoEmail('viewer'));
    await ready(page);
    await expect(page.getByTestId('calendar')).toHaveAttribute(
      'data-view',
      info.project.name === 'phone' ? 'list' : 'month',
    );
    await expectAccessible(page);
  });

  test("a partner organisation's post is marked and cannot be moved", async ({ page }) => {
    await signIn(page, demoEmail('coordinator'));
    const headers = await apiAs(page.request, demoEmail('coordinator'));
    const partner = (await postsOf(page, headers, 'view=week&zone=WIT')).find((p) => p.readOnly);
    expect(partner).toBeDefined();
    await page.goto(`/app/kspi/calendar?view=list&zone=WIT&date=${witDate(partner!.scheduledAt)}`);
    await ready(page);
    const card = page.locator(`[data-post-id="${partner!.id}"]`);
    await expect(card).toHaveAttribute('data-movable', 'false');
    await expect(card).toContainText('KSBSI');
  });

  test('a viewer may move nothing; an editor clicking an empty slot goes to compose at that time', async ({
    page,
  }, info) => {
    test.skip(info.project.name === 'phone', 'slot clicks are a desktop gesture; the phone composes from the menu');
    await signIn(page, demoEmail('viewer'));
    await ready(page);
    await expect(page.locator('[data-movable="true"]')).toHaveCount(0);
    await page.goto('/app/sign-out');
    await signIn(page, demoEmail('editor'), '/app/kspi/calendar?view=day&zone=WIT&date=2027-05-03');
    await ready(page);
    // The slot rows lie under the day column: click where a person would, inside the 10:00 row.
    const slot = (await page.locator('[data-time="10:00:00"]').last().boundingBox())!;
    await page.mouse.click(slot.x + slot.width * 0.6, slot.y + 5);
    await expect(page).toHaveURL(/\/app\/kspi\/compose\?at=2027-05-03T10%3A00&zone=Asia%2FJayapura/);
  });

  test('a post late in the evening shows on its own day only, not again after midnight', async ({ page }) => {
    const editor = await apiAs(page.request, demoEmail('editor'));
    const accounts = (await (await page.request.get('/workspaces/kspi/accounts', { headers: editor })).json()) as {
      accounts: { id: string; platform: string }[];
    };
    const feed = accounts.accounts.find((a) => a.platform === 'FEED')!;
    const created = await page.request.post('/workspaces/kspi/posts', {
      headers: editor,
      data: {
        baseText: 'Menjelang tengah malam',
        targets: [{ accountId: feed.id }],
        schedule: { at: '2027-06-10T23:30', zone: 'Asia/Jayapura' },
      },
    });
    expect(created.ok()).toBe(true);
    const { id } = (await created.json()) as { id: string };
    await signIn(page, demoEmail('editor'), '/app/kspi/calendar?view=list&zone=WIT&date=2027-06-10');
    await ready(page);
    await expect(page.locator(`[data-post-id="${id}"]`)).toHaveCount(1);
    await expect(page.locator(`[data-post-id="${id}"]`)).toContainText('23.30');
  });

  test('May Day and public holidays appear on their days', async ({ page }) => {
    await signIn(page, demoEmail('viewer'), '/app/kspi/calendar?view=list&date=2027-05-01');
    await ready(page);
    await expect(page.getByText('Hari Buruh:')).toBeVisible();
  });

  test('drag a post to the next day in WIT: same wall-clock time, new instant in the API, then undo', async ({
    page,
  }, info) => {
    test.skip(info.project.name === 'phone', 'dragging is for the desktop; a phone moves posts from the post page');
    await signIn(page, demoEmail('coordinator'));
    const headers = await apiAs(page.request, demoEmail('coordinator'));
    const post = (await postsOf(page, headers, 'view=week&zone=WIT')).find((p) =>
      p.excerpt.startsWith('Aksi serentak'),
    )!;
    const day = witDate(post.scheduledAt);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const previous = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/app/kspi/calendar?view=month&zone=WIT&date=${day}`);
    await ready(page);
    const card = page.locator(`[data-post-id="${post.id}"]`);
    await expect(card).toHaveAttribute('data-movable', 'true');

    const dragTo = async (date: string) => {
      // The mouse only reaches what is inside the viewport.
      await page.locator(`[role="cell"][data-date="${date}"]`).scrollIntoViewIfNeeded();
      await card.scrollIntoViewIfNeeded();
      const from = (await card.boundingBox())!;
      const to = (await page.locator(`[role="cell"][data-date="${date}"]`).boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      // FullCalendar starts a drag on a small sideways move, then follows the pointer.
      await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 3 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
      await page.mouse.up();
    };

    // Into the past: refused before asking the API, the post stays where it was.
    await dragTo(previous);
    await expect(page.getByRole('alert').filter({ hasText: 'sudah lewat' })).toBeVisible();
    expect(
      (await postsOf(page, headers, `view=month&zone=WIT&anchor=${day}`)).find((p) => p.id === post.id)!.scheduledAt,
    ).toBe(post.scheduledAt);

    await dragTo(next);
    await expect(page.getByTestId('undo-bar')).toBeVisible();
    const moved = (await postsOf(page, headers, `view=month&zone=WIT&anchor=${next}`)).find((p) => p.id === post.id)!;
    expect(Date.parse(moved.scheduledAt) - Date.parse(post.scheduledAt)).toBe(86_400_000);
    expect(witTime(moved.scheduledAt)).toBe(witTime(post.scheduledAt));
    await expect(page.locator(`[role="cell"][data-date="${next}"] [data-post-id="${post.id}"]`)).toBeVisible();

    await page.getByTestId('undo-bar').getByRole('button', { name: 'Urungkan' }).click();
    await expect
      .poll(
        async () =>
          (await postsOf(page, headers, `view=month&zone=WIT&anchor=${day}`)).find((p) => p.id === post.id)
            ?.scheduledAt,
      )
      .toBe(post.scheduledAt);
    await expect(page.locator(`[role="cell"][data-date="${day}"] [data-post-id="${post.id}"]`)).toBeVisible();
  });

  test('move a post with the keyboard only: Enter opens its menu, a time in the calendar zone, past refused, undo', async ({
    page,
  }, info) => {
    test.skip(
      info.project.name === 'phone',
      'a phone moves posts from its list with a thumb; this is the desktop keyboard path',
    );
    // Tabbing through a month, one key at a time, takes longer than a click.
    test.setTimeout(120_000);
    await signIn(page, demoEmail('coordinator'));
    const headers = await apiAs(page.request, demoEmail('coordinator'));
    const post = (await postsOf(page, headers, 'view=week&zone=WIT')).find((p) =>
      p.excerpt.startsWith('Aksi serentak'),
    )!;
    const day = witDate(post.scheduledAt);
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/app/kspi/calendar?view=month&zone=WIT&date=${day}`);
    await ready(page);
    // The focused element itself, or the calendar event around it (FullCalendar's box, tabindex 0).
    const focusedIs = (selector: string) =>
      page.evaluate((s) => {
        const active = document.activeElement;
        return Boolean(active?.matches(s) || (active?.getAttribute('tabindex') === '0' && active.querySelector(s)));
      }, selector);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 250 && !(await focusedIs(selector)); i++) await page.keyboard.press('Tab');
      expect(await focusedIs(selector)).toBe(true);
    };
    const openMenu = async () => {
      await tabTo(`[data-post-id="${post.id}"]`);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Pindahkan unggahan' });
      await expect(dialog.getByLabel('Waktu baru (WIT)')).toBeFocused();
      return dialog;
    };

    // A year back (the field reads dd/mm/yyyy: day, month, year): refused before asking the API.
    let dialog = await openMenu();
    await expect(dialog.getByLabel('Waktu baru (WIT)')).toHaveValue(
      `${day}T${witTime(post.scheduledAt).replace('.', ':')}`,
    );
    await expectAccessible(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'sudah lewat' })).toBeVisible();
    expect(
      (await postsOf(page, headers, `view=month&zone=WIT&anchor=${day}`)).find((p) => p.id === post.id)!.scheduledAt,
    ).toBe(post.scheduledAt);

    // The next day, same time in WIT: the same API call as a drag, then an undo.
    dialog = await openMenu();
    // Typed segment by segment (dd, mm, yyyy); the time stays.
    await page.keyboard.type(`${next.slice(8, 10)}${next.slice(5, 7)}${next.slice(0, 4)}`);
    await expect(dialog.getByLabel('Waktu baru (WIT)')).toHaveValue(
      `${next}T${witTime(post.scheduledAt).replace('.', ':')}`,
    );
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('undo-bar')).toBeVisible();
    await expect
      .poll(
        async () =>
          (await postsOf(page, headers, `view=month&zone=WIT&anchor=${next}`)).find((p) => p.id === post.id)
            ?.scheduledAt,
      )
      .toBe(new Date(Date.parse(post.scheduledAt) + 86_400_000).toISOString());
    await tabTo('[data-testid="undo-bar"] button:not([aria-label])');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await postsOf(page, headers, `view=month&zone=WIT&anchor=${day}`)).find((p) => p.id === post.id)
            ?.scheduledAt,
      )
      .toBe(post.scheduledAt);
  });

  test('a red banner shows on every page while the workspace is on hold', async ({ page }) => {
    await signIn(page, demoEmail('viewer'));
    const admin = await apiAs(page.request, demoEmail('admin'));
    const hold = await page.request.post('/workspaces/kspi/hold', {
      headers: admin,
      data: { reason: 'Uji krisis: tahan semua' },
    });
    expect(hold.ok()).toBe(true);
    try {
      await page.reload();
      await expect(page.getByTestId('hold-banner')).toContainText('Uji krisis: tahan semua');
      await expectAccessible(page);
      await page.goto('/app/kspi/review');
      await expect(page.getByTestId('hold-banner')).toBeVisible();
    } finally {
      await page.request.post('/workspaces/kspi/resume', { headers: admin, data: {} });
    }
  });
});
