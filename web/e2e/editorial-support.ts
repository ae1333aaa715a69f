import { expect, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { apiAs, demoEmail, runDatabaseUrl } from './support';

/**
 * An X account for KSPI, written straight into the run's own database: the demo has only a feed
 * and a webhook, which set no length limit, and connecting X needs X. Nothing ever publishes to
 * it (the posts made here are never due), so it needs no credentials. Same id on every call.
 */
export const X_ACCOUNT_ID = '0193a000-0000-7000-8000-00000000a0a1';

export async function ensureXAccount(): Promise<void> {
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "ConnectedAccount" (id, "workspaceId", platform, "displayName", handle, status, "updatedAt")
       SELECT $1, id, 'X', 'KSPI di X', 'kspi_x', 'ACTIVE', now() FROM "Workspace" WHERE slug = 'kspi'
       ON CONFLICT (id) DO NOTHING`,
      [X_ACCOUNT_ID],
    );
  } finally {
    await client.end();
  }
}

interface Made {
  id: string;
  version: number;
}

/** A campaign of KSPI's own with an approved post a day ahead, made through the API. */
export async function campaignWithApprovedPost(
  request: APIRequestContext,
  name: string,
): Promise<{ campaign: Made; post: Made }> {
  const coordinator = await apiAs(request, demoEmail('coordinator'));
  const campaign = (await (
    await request.post('/workspaces/kspi/campaigns', {
      headers: coordinator,
      data: { name, latePolicy: 'PUBLISH_LATE', lateGraceMinutes: 30 },
    })
  ).json()) as Made;
  expect(campaign.id).toBeTruthy();
  const post = await submittedPost(request, `${name}: aksi bersama`, campaign.id);
  const approved = await request.post(`/workspaces/kspi/posts/${post.id}/approve`, {
    headers: coordinator,
    data: { version: post.version },
  });
  expect(approved.ok()).toBe(true);
  return { campaign, post: (await approved.json()) as Made };
}

/**
 * A post by the KSPI editor, submitted for review, two days ahead, to the feed. With `firstText`,
 * it is drafted with that text and edited to `text` before submitting (a version 2); `beforeEdit`
 * sees the first version.
 */
export async function submittedPost(
  request: APIRequestContext,
  text: string,
  campaignId: string | null = null,
  firstText?: string,
  beforeEdit?: (first: Made) => Promise<void>,
): Promise<Made> {
  const editor = await apiAs(request, demoEmail('editor'));
  const accounts = (await (await request.get('/workspaces/kspi/accounts', { headers: editor })).json()) as {
    accounts: { id: string; platform: string }[];
  };
  const feed = accounts.accounts.find((a) => a.platform === 'FEED')!;
  // Wall-clock time in Jakarta (UTC+7), two days ahead.
  const at = new Date(Date.now() + 2 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 16);
  const created = await request.post('/workspaces/kspi/posts', {
    headers: editor,
    data: {
      baseText: firstText ?? text,
      campaignId,
      targets: [{ accountId: feed.id }],
      schedule: { at, zone: 'Asia/Jakarta' },
    },
  });
  expect(created.ok()).toBe(true);
  const first = (await created.json()) as Made;
  const { id } = first;
  if (firstText !== undefined) {
    await beforeEdit?.(first);
    expect(
      (await request.patch(`/workspaces/kspi/posts/${id}`, { headers: editor, data: { baseText: text } })).ok(),
    ).toBe(true);
  }
  const submitted = await request.post(`/workspaces/kspi/posts/${id}/submit`, { headers: editor });
  expect(submitted.ok()).toBe(true);
  return (await submitted.json()) as Made;
}
