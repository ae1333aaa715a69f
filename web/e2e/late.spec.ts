import pg from 'pg';
import { expect, test } from './fixtures';
import { campaignWithApprovedPost } from './editorial-support';
import { apiAs, demoEmail, expectAccessible, runDatabaseUrl, signIn } from './support';

/**
 * The delivery went out, on time (null) or `lateSeconds` after its time, as the engine records it
 * (the engine's side, the threshold and the notification, is test/publishing/punctuality.e2e.ts).
 */
async function published(postId: string, lateSeconds: number | null): Promise<void> {
  const client = new pg.Client({ connectionString: runDatabaseUrl() });
  await client.connect();
  try {
    const updated = await client.query(
      `UPDATE "PostTarget" SET state = 'PUBLISHED', "publishedAt" = "dueAt" + make_interval(secs => coalesce($2::int, 3)),
              "lateSeconds" = $2::int, "externalUrl" = 'https://example.org/terbit', "updatedAt" = now()
        WHERE "postId" = $1`,
      [postId, lateSeconds],
    );
    expect(updated.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

test('a delivery published late says how late on the post, in words', async ({ page, request }, info) => {
  const { post } = await campaignWithApprovedPost(request, `Terlambat ${info.project.name} ${Date.now()}`);
  await published(post.id, 754);
  const viewer = await apiAs(request, demoEmail('viewer'));
  const read = (await (await request.get(`/workspaces/kspi/posts/${post.id}`, { headers: viewer })).json()) as {
    targets: { lateSeconds: number | null }[];
  };
  expect(read.targets.map((target) => target.lateSeconds)).toEqual([754]);

  await signIn(page, demoEmail('viewer'), `/app/kspi/posts/${post.id}`);
  await expect(page.getByTestId('published-late')).toHaveText('Terbit 13 menit lebih lambat dari waktunya');
  await expectAccessible(page);
});

test('a delivery published on time says nothing about lateness', async ({ page, request }, info) => {
  const { post } = await campaignWithApprovedPost(request, `Tepat waktu ${info.project.name} ${Date.now()}`);
  await published(post.id, null);
  await signIn(page, demoEmail('viewer'), `/app/kspi/posts/${post.id}`);
  await expect(page.getByRole('link', { name: 'Buka unggahan yang terbit' })).toBeVisible();
  await expect(page.getByTestId('published-late')).toHaveCount(0);
});
