import { randomBytes } from 'node:crypto';
import { expect, test } from '../fixtures';
import { apiAs, DEMO_PASSWORD, demoEmail } from '../support';
import { shootBoth, sql } from './shoot';

// The notifications list of docs/panduan/staf-komunikasi.md and koordinator.md (and their English
// twins): a coordinator's morning, read and unread, each item linking to its post or campaign.

/** A coordinator who joins for the picture, so the list holds this morning only, not what the other shots told the demo's coordinator. */
const READER = 'rina.koordinator@kspi.demo';

test('notifications', async ({ browser, request }) => {
  const invitation = await request.post('/workspaces/kspi/invitations', {
    headers: await apiAs(request, demoEmail('admin')),
    data: { email: READER, role: 'COORDINATOR' },
  });
  expect(invitation.ok()).toBe(true);
  const { inviteUrl } = (await invitation.json()) as { inviteUrl: string };
  const joined = await request.post('/invitations/accept-new', {
    data: { token: new URL(inviteUrl).searchParams.get('token'), name: 'Rina Koordinator', password: DEMO_PASSWORD },
  });
  expect(joined.ok()).toBe(true);
  const { token: reader } = (await joined.json()) as { token: string };
  const made: string[] = [];
  try {
    // Past events (a failure hours ago, yesterday's hold) cannot be brought about by a page in a
    // moment: their notifications are written as the app writes them, a code with its parameters
    // (src/notifications/catalog.ts), about the demo's own posts and campaign.
    const [ids] = await sql<{
      workspace: string;
      coordinator: string;
      review: string;
      published: string;
      campaign: string;
    }>(
      `SELECT w.id AS workspace,
            (SELECT id FROM "User" WHERE email = $1) AS coordinator,
            (SELECT id FROM "Post" WHERE "workspaceId" = w.id AND status = 'IN_REVIEW' ORDER BY "createdAt" LIMIT 1) AS review,
            (SELECT id FROM "Post" WHERE "workspaceId" = w.id AND status = 'APPROVED' AND "scheduledAt" < now()
              ORDER BY "scheduledAt" DESC LIMIT 1) AS published,
            (SELECT id FROM "Campaign" WHERE "workspaceId" = w.id AND name = 'Tolak Upah Murah 2027') AS campaign
       FROM "Workspace" w WHERE w.slug = 'kspi'`,
      [READER],
    );
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const rows: Array<{
      kind: string;
      subject: 'POST' | 'CAMPAIGN';
      id: string;
      params: object;
      at: Date;
      read: boolean;
    }> = [
      {
        kind: 'STATEMENT_AWAITING_RELEASE',
        subject: 'POST',
        id: ids!.review,
        params: {
          actor: 'Editor KSPI',
          post: 'Pernyataan sikap KSPI: hentikan kekerasan terhadap buruh di Bekasi',
          targets: 2,
        },
        at: minutesAgo(8),
        read: false,
      },
      {
        kind: 'POST_SUBMITTED',
        subject: 'POST',
        id: ids!.review,
        params: { actor: 'Editor KSPI', post: 'Konsolidasi buruh Makassar: upah layak untuk semua.' },
        at: minutesAgo(40),
        read: false,
      },
      {
        kind: 'TARGET_FAILED',
        subject: 'POST',
        id: ids!.published,
        params: {
          post: 'Laporan dari lapangan: perundingan upah sektoral berlanjut.',
          reason: 'Text character limit of 500 exceeded',
        },
        at: minutesAgo(190),
        read: false,
      },
      // Yesterday's hold has been read; today's news has not.
      {
        kind: 'CAMPAIGN_RESUMED',
        subject: 'CAMPAIGN',
        id: ids!.campaign,
        params: { actor: 'Admin KSPI', campaign: 'Tolak Upah Murah 2027' },
        at: minutesAgo(1200),
        read: true,
      },
      {
        kind: 'CAMPAIGN_HELD',
        subject: 'CAMPAIGN',
        id: ids!.campaign,
        params: {
          actor: 'Admin KSPI',
          campaign: 'Tolak Upah Murah 2027',
          reason: 'Situasi keamanan di lapangan',
          resumeAt: null,
        },
        at: minutesAgo(1320),
        read: true,
      },
    ];
    for (const row of rows) {
      // The list is in the order of the ids (UUIDv7, as the app makes them): an id of the event's own time.
      const id = uuid7(row.at);
      await sql(
        `INSERT INTO "Notification" (id, "workspaceId", kind, "subjectType", "subjectId", params, "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::"NotificationKind", $4::"NotificationSubject", $5, $6::jsonb, $7)`,
        [id, ids!.workspace, row.kind, row.subject, row.id, JSON.stringify(row.params), row.at],
      );
      await sql(
        `INSERT INTO "NotificationRecipient" (id, "notificationId", "workspaceId", "userId", "readAt", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5, $6)`,
        [
          uuid7(row.at),
          id,
          ids!.workspace,
          ids!.coordinator,
          row.read ? new Date(row.at.getTime() + 300_000) : null,
          row.at,
        ],
      );
      made.push(id);
    }
    await shootBoth(browser, 'notifications', READER, async (page) => {
      await page.goto('/app/kspi/notifications');
      await expect(page.getByTestId('notification').filter({ hasText: 'Situasi keamanan di lapangan' })).toBeVisible();
      await expect(
        page.getByTestId('notification').filter({ hasText: 'Pernyataan cepat dari Editor KSPI' }),
      ).toBeVisible();
      await expect(page.getByTestId('notification-count')).toHaveText('3');
      await expect(page.getByTestId('notification')).toHaveCount(5);
    });
  } finally {
    await sql(`DELETE FROM "Notification" WHERE id = ANY($1::uuid[])`, [made]);
    // Gone again: the people page and the review shots see the demo's members only.
    await request.post('/workspaces/kspi/leave', { headers: { Authorization: `Bearer ${reader}` } });
  }
});

/** A UUIDv7 whose time is `at` (RFC 9562): 48 bits of milliseconds, the version, then random bits. */
function uuid7(at: Date): string {
  const time = at.getTime().toString(16).padStart(12, '0');
  const random = randomBytes(10).toString('hex');
  const variant = (8 + (parseInt(random[3]!, 16) & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-${variant}${random.slice(4, 7)}-${random.slice(7, 19)}`;
}
