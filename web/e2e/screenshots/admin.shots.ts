import { type Locator, type Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { apiAs, demoEmail } from '../support';
import { shootBoth, sql } from './shoot';

// The pictures of docs/panduan/admin.md (and docs/guide/admin.md).

const INSTAGRAM = '0193a000-0000-7000-8000-00000000b1a1';
const BLUESKY = '0193a000-0000-7000-8000-00000000b1b1';
/** Posts published to Instagram in the last 24 hours: the card then says 37 of 50 left. */
const PUBLISHED_TODAY = 13;

/**
 * On a phone (whose picture is one screen high), scrolls what the guide is about to the top of the
 * screen, leaving `above` pixels of what comes before it for context.
 */
async function scrollOnPhone(page: Page, target: Locator, above: number): Promise<void> {
  if ((page.viewportSize()?.width ?? 0) >= 600) return;
  await target.evaluate((element, margin) => {
    window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - margin);
  }, above);
}

test('accounts', async ({ browser }) => {
  // An Instagram account with a day of posts (its rate budget), and a Bluesky account the platform
  // refused (needs reconnect): connecting either needs the real platform.
  await sql(
    `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", handle, status, "statusReason", "updatedAt")
     SELECT v.id::uuid, w.id, v.platform::"Platform", v.name, v.handle, v.status::"AccountStatus", v.reason, now()
       FROM "Workspace" w,
            (VALUES ($1, 'INSTAGRAM', 'KSPI di Instagram', 'kspi.official', 'ACTIVE', NULL),
                    ($2, 'BLUESKY', 'KSPI di Bluesky', '@kspi.bsky.social', 'NEEDS_RECONNECT',
                     'Invalid identifier or password')) AS v(id, platform, name, handle, status, reason)
      WHERE w.slug = 'kspi'`,
    [INSTAGRAM, BLUESKY],
  );
  await sql(
    `WITH ws AS (SELECT w.id AS workspace, u.id AS author FROM "Workspace" w, "User" u
                  WHERE w.slug = 'kspi' AND u.email = 'editor@kspi.demo'),
          made AS (
            INSERT INTO "Post" (id, "workspaceId", "authorId", "baseText", "scheduledAt", "scheduleZone", status,
                                "approvedVersion", "approvedAt", "updatedAt")
            SELECT gen_random_uuid(), ws.workspace, ws.author, 'Foto aksi serentak #' || n,
                   now() - make_interval(hours => n), 'Asia/Jakarta', 'APPROVED', 1, now() - make_interval(hours => n + 1), now()
              FROM ws, generate_series(1, $2::int) AS n
            RETURNING id, "workspaceId", "scheduledAt"),
          sent AS (
            INSERT INTO "PostTarget" (id, "postId", "workspaceId", "accountId", state, "publishedAt", "lastOutcome", "updatedAt")
            SELECT gen_random_uuid(), made.id, made."workspaceId", $1::uuid, 'PUBLISHED', made."scheduledAt", 'PUBLISHED', now()
              FROM made
            RETURNING id, "workspaceId", "publishedAt")
     INSERT INTO "PublishAttempt" ("targetId", "workspaceId", "accountId", version, "startedAt", "finishedAt", outcome)
     SELECT sent.id, sent."workspaceId", $1::uuid, 1, sent."publishedAt", sent."publishedAt", 'PUBLISHED' FROM sent`,
    [INSTAGRAM, PUBLISHED_TODAY],
  );
  try {
    await shootBoth(browser, 'accounts', demoEmail('admin'), async (page) => {
      await page.goto('/app/kspi/accounts');
      const instagram = page.getByRole('article', { name: 'Instagram: KSPI di Instagram' });
      await expect(instagram.getByTestId('rate-budget')).toContainText(`${50 - PUBLISHED_TODAY} dari 50`);
      await expect(page.getByText('Perlu dihubungkan ulang: Invalid identifier or password')).toBeVisible();
      // The phone shows the two cards the guide talks about: the rate budget and the reconnect.
      await scrollOnPhone(page, instagram, 16);
    });
  } finally {
    await sql(`DELETE FROM "Post" WHERE id IN (SELECT "postId" FROM "PostTarget" WHERE "accountId" = $1)`, [INSTAGRAM]);
    await sql(`DELETE FROM "ConnectedAccount" WHERE id = ANY($1::uuid[])`, [[INSTAGRAM, BLUESKY]]);
  }
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

test('the invitation page, as the invitee opens it', async ({ browser, request }) => {
  const admin = await apiAs(request, demoEmail('admin'));
  const invitation = await request.post('/workspaces/kspi/invitations', {
    headers: admin,
    data: { email: 'sari.anggota@kspi.demo', role: 'EDITOR' },
  });
  expect(invitation.ok()).toBe(true);
  const { id, inviteUrl } = (await invitation.json()) as { id: string; inviteUrl: string };
  try {
    await shootBoth(browser, 'invitation', null, async (page) => {
      await page.goto(inviteUrl);
      await expect(page.getByText('Buat akun Anda untuk menerima undangan ini.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Buat akun dan masuk' })).toBeVisible();
    });
  } finally {
    await request.delete(`/workspaces/kspi/invitations/${id}`, { headers: admin });
  }
});

/** Every panel of the settings page has loaded (each asks the API on its own): photograph none half-empty. */
async function settingsLoaded(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Notifikasi', exact: true })).toBeVisible();
  await expect(page.getByText('Ruang kerja ini belum punya bot notifikasi Telegram.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Token API pribadi' })).toBeVisible();
  await expect(page.getByText(/^Masuk sejak/).first()).toBeVisible();
}

test('settings', async ({ browser }) => {
  // Every test so far signed the editor in anew: start from no session, so the list shows the
  // devices of this picture (each sign-in here is the API's and the browser's), not dozens.
  await sql(`DELETE FROM "Session" WHERE "userId" = (SELECT id FROM "User" WHERE email = $1)`, [demoEmail('editor')]);
  await shootBoth(browser, 'settings', demoEmail('editor'), async (page) => {
    await page.goto('/app/kspi/settings');
    await settingsLoaded(page);
    await expect(page.getByRole('region', { name: 'Profil saya' }).getByLabel('Bahasa')).toHaveValue('id');
  });
});

test('workspace settings', async ({ browser }) => {
  await shootBoth(
    browser,
    'workspace-settings',
    demoEmail('admin'),
    async (page) => {
      await page.goto('/app/kspi/settings');
      await expect(page.getByRole('heading', { name: 'Ruang kerja' })).toBeVisible();
      // The form appears once the workspace has loaded: photograph it, not the empty panel.
      await expect(page.getByLabel('Nama ruang kerja')).toHaveValue('Konfederasi Serikat Pekerja Indonesia (KSPI)');
      await settingsLoaded(page);
    },
    // The workspace's part, at the top: the member's own parts below it have their own picture (settings).
    { fullPage: false },
  );
});

test('partners', async ({ browser }) => {
  await shootBoth(browser, 'partners', demoEmail('coordinator'), async (page) => {
    await page.goto('/app/kspi/partners');
    await expect(page.getByRole('article', { name: 'Tolak Upah Murah 2027' })).toBeVisible();
    await expect(page.getByLabel('Kampanye')).toBeVisible();
  });
});

test('audit log', async ({ browser, request }) => {
  // The demo data is written without audit entries: a morning's work of three people, through the
  // API as the pages would do it, so the log shows who, what and a link to each object.
  const admin = await apiAs(request, demoEmail('admin'));
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const editor = await apiAs(request, demoEmail('editor'));
  const ok = async (answer: Promise<{ ok(): boolean }>) => expect((await answer).ok()).toBe(true);
  await ok(
    request.patch('/workspaces/kspi', {
      headers: admin,
      data: { name: 'Konfederasi Serikat Pekerja Indonesia (KSPI)' },
    }),
  );
  await ok(request.post('/workspaces/kspi/campaigns', { headers: coordinator, data: { name: 'K3 untuk Semua 2027' } }));
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers: editor })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const feed = accounts.accounts.find((account) => account.platform === 'FEED')!;
  await ok(
    request.post('/workspaces/kspi/posts', {
      headers: editor,
      data: { baseText: 'Draf: rapat akbar K3 hari Sabtu.', targets: [{ accountId: feed.id }] },
    }),
  );
  const invited = await request.post('/workspaces/kspi/invitations', {
    headers: admin,
    data: { email: 'relawan@kspi.demo', role: 'VIEWER' },
  });
  expect(invited.ok()).toBe(true);
  await ok(
    request.delete(`/workspaces/kspi/invitations/${((await invited.json()) as { id: string }).id}`, { headers: admin }),
  );
  await ok(request.post('/workspaces/kspi/calendar-feed', { headers: coordinator }));
  await ok(
    request.post('/workspaces/kspi/api-tokens', { headers: admin, data: { name: 'Rekap bulanan', roleCap: 'VIEWER' } }),
  );

  await shootBoth(browser, 'audit', demoEmail('admin'), async (page) => {
    await page.goto('/app/kspi/audit');
    await expect(page.getByTestId('audit-entry').nth(6)).toBeVisible();
    // The phone shows the end of the filters and the entries below them.
    await scrollOnPhone(page, page.getByTestId('audit-entry').first(), 260);
  });
});
