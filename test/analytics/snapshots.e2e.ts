import { randomBytes } from 'node:crypto';
import { SnapshotCollector } from '../../src/analytics/snapshot-collector';
import { snapshotJobId } from '../../src/analytics/snapshot-plan';
import { SnapshotScheduler } from '../../src/analytics/snapshot-scheduler';
import { SecretBox } from '../../src/core/crypto';
import type { Platform } from '../../src/core/database';
import { RateLimiter } from '../../src/core/queue';
import { LinkedInContract } from '../contracts/linkedin/linkedin-contract';
import { LinkedInMetricsContract } from '../contracts/linkedin/linkedin-metrics-contract';
import { MastodonContract } from '../contracts/mastodon/mastodon-contract';
import { MastodonMetricsContract } from '../contracts/mastodon/mastodon-metrics-contract';
import { createFixture, removeFixtures, sleep, type Fixture } from '../publishing/engine-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

const TOKEN = 'mastodon-metrics-token';
const HOUR = 3600_000;

describe('metric snapshots (Mastodon contract, real Postgres and Redis)', () => {
  let testApp: TestApp;
  let instance: MastodonContract;
  let metrics: MastodonMetricsContract;
  let fixture: Fixture;
  let collector: SnapshotCollector;
  let linkedin: LinkedInContract;

  beforeAll(async () => {
    linkedin = await new LinkedInContract()
      .addMember({ sub: 'm1', name: 'Siti', adminOf: ['5550001'] }, 'li-token')
      .start();
    new LinkedInMetricsContract(linkedin);
    instance = await new MastodonContract().start();
    instance.tokens.set(TOKEN, { accountId: '1', scopes: ['read', 'write'] });
    metrics = new MastodonMetricsContract(instance);
    testApp = await startTestApp({ roles: ['worker'], config: { LINKEDIN_API_URL: linkedin.baseUrl } });
    collector = testApp.app.get(SnapshotCollector);
    fixture = await createFixture(testApp, { platform: 'MASTODON', baseUrl: instance.baseUrl });
    await seal(fixture.accountId, { accessToken: TOKEN });
  });
  afterAll(async () => {
    await removeFixtures(testApp.prisma);
    await testApp.close();
    await instance.stop();
    await linkedin.stop();
  });

  async function seal(accountId: string, credentials: Record<string, unknown>) {
    const sealed = testApp.app
      .get(SecretBox)
      .seal(JSON.stringify(credentials), { workspaceId: fixture.workspaceId, subject: `account:${accountId}` });
    await testApp.prisma.connectedAccount.update({
      where: { id: accountId },
      data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId, status: 'ACTIVE' },
    });
  }

  /** A status on the contract instance and a PUBLISHED delivery of it, published `agoMs` before now. */
  async function published(
    agoMs: number,
    accountId = fixture.accountId,
  ): Promise<{ targetId: string; statusId: string }> {
    const statusId = String(BigInt(Date.now()) * 1000n + BigInt(Math.floor(Math.random() * 1000)));
    instance.statuses.push({
      id: statusId,
      url: `https://x.test/@kspi/${statusId}`,
      uri: `https://x.test/s/${statusId}`,
      content: 'Upah layak!',
      mediaIds: [],
      visibility: 'public',
      accountId: '1',
      createdAt: new Date(),
    });
    const post = await testApp.prisma.post.create({
      data: {
        workspaceId: fixture.workspaceId,
        authorId: fixture.userId,
        baseText: 'Upah layak!',
        status: 'APPROVED',
        approvedVersion: 1,
      },
    });
    const publishedAt = new Date(Date.now() - agoMs);
    const target = await testApp.prisma.postTarget.create({
      data: {
        postId: post.id,
        workspaceId: fixture.workspaceId,
        accountId,
        state: 'PUBLISHED',
        externalId: statusId,
        publishedAt,
      },
    });
    return { targetId: target.id, statusId };
  }

  const snapshotsOf = (targetId: string) =>
    testApp.prisma.metricSnapshot.findMany({ where: { targetId }, orderBy: { id: 'asc' } });

  async function waitForSnapshots(targetId: string, count: number, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const rows = await snapshotsOf(targetId);
      if (rows.length >= count) return rows;
      await sleep(100);
    }
    return snapshotsOf(targetId);
  }

  it('plans only the stages that are due, once, and the worker stores the counts with their engagement', async () => {
    const { targetId, statusId } = await published(2 * HOUR);
    metrics.counts.set(statusId, { favourites_count: 12, reblogs_count: 3, replies_count: 2 });
    const scheduler = testApp.app.get(SnapshotScheduler);
    await scheduler.planDue();
    const rows = await waitForSnapshots(targetId, 1);
    expect(rows.map((row) => [row.stage, row.state])).toEqual([['H1', 'OK']]);
    expect(rows[0]!.counts).toEqual({ likes: 12, reposts: 3, replies: 2 });
    expect(rows[0]!.engagement).toBe(17);
    expect(rows[0]!.reach).toBeNull();
    // Taken once: a second planning run finds nothing due for this delivery.
    const reads = instance.server.requestsTo('GET', new RegExp(`/api/v1/statuses/${statusId}$`)).length;
    await scheduler.planDue();
    await sleep(300);
    expect(await snapshotsOf(targetId)).toHaveLength(1);
    expect(instance.server.requestsTo('GET', new RegExp(`/api/v1/statuses/${statusId}$`))).toHaveLength(reads);
  });

  it('records a deleted status as DELETED, never as zero counts', async () => {
    const { targetId, statusId } = await published(25 * HOUR);
    metrics.deleted.add(statusId);
    await expect(collector.take(targetId, 'H24')).resolves.toEqual({ kind: 'done' });
    const [row] = await snapshotsOf(targetId);
    expect(row).toMatchObject({ stage: 'H24', state: 'DELETED', engagement: null, counts: {} });
  });

  it('says NOT_AVAILABLE for a platform without a metrics reader (Telegram), without calling it', async () => {
    const telegram = await testApp.prisma.connectedAccount.create({
      data: { workspaceId: fixture.workspaceId, platform: 'TELEGRAM' as Platform, displayName: 'Kanal' },
    });
    const { targetId } = await published(2 * HOUR, telegram.id);
    await collector.take(targetId, 'H1');
    const [row] = await snapshotsOf(targetId);
    expect(row).toMatchObject({ state: 'NOT_AVAILABLE', engagement: null });
  });

  it('records NOT_AVAILABLE when the platform refuses the read for a permission the app lacks, and keeps the account active', async () => {
    const account = await testApp.prisma.connectedAccount.create({
      data: {
        workspaceId: fixture.workspaceId,
        platform: 'LINKEDIN' as Platform,
        displayName: 'KSBSI LinkedIn',
        externalId: 'urn:li:organization:5550001',
      },
    });
    await seal(account.id, { accessToken: 'li-token' });
    const urn = `urn:li:share:${Date.now()}`;
    linkedin.posts.push({ urn, body: {}, headers: {} });
    const post = await testApp.prisma.post.create({
      data: {
        workspaceId: fixture.workspaceId,
        authorId: fixture.userId,
        baseText: 'Upah layak!',
        status: 'APPROVED',
        approvedVersion: 1,
      },
    });
    const target = await testApp.prisma.postTarget.create({
      data: {
        postId: post.id,
        workspaceId: fixture.workspaceId,
        accountId: account.id,
        state: 'PUBLISHED',
        externalId: urn,
        publishedAt: new Date(Date.now() - 2 * HOUR),
      },
    });
    expect(await collector.take(target.id, 'H1')).toEqual({ kind: 'done' });
    const [row] = await snapshotsOf(target.id);
    expect(row).toMatchObject({ state: 'NOT_AVAILABLE', engagement: null });
    expect(linkedin.requestsTo('GET', /socialActions/)).toHaveLength(1);
    expect((await testApp.prisma.connectedAccount.findUniqueOrThrow({ where: { id: account.id } })).status).toBe(
      'ACTIVE',
    );
  });

  it('waits out a 429 without using up an attempt, as publishing does', async () => {
    const { targetId } = await published(2 * HOUR);
    metrics.failNext(429, 2);
    const step = await collector.take(targetId, 'H1');
    expect(step).toMatchObject({ kind: 'again', countsAsAttempt: false });
    if (step.kind === 'again') expect(step.delayMs).toBeGreaterThanOrEqual(1000);
    expect(await snapshotsOf(targetId)).toHaveLength(0);
  });

  it('retries a 503 with a counted attempt and gives up as FAILED after the last one', async () => {
    const { targetId } = await published(2 * HOUR);
    metrics.failNext(503);
    expect(await collector.take(targetId, 'H1')).toMatchObject({ kind: 'again', countsAsAttempt: true });
    metrics.failNext(503);
    expect(await collector.take(targetId, 'H1', testApp.config.MAX_PUBLISH_ATTEMPTS - 1)).toEqual({ kind: 'done' });
    const [row] = await snapshotsOf(targetId);
    expect(row).toMatchObject({ state: 'FAILED', errorCode: 'mastodon.503', engagement: null });
  });

  it('parks the account on a revoked token and takes no snapshot; reconnecting lets the planner catch up', async () => {
    const { targetId } = await published(2 * HOUR);
    await seal(fixture.accountId, { accessToken: 'revoked-token' });
    expect(await collector.take(targetId, 'H1')).toEqual({ kind: 'done' });
    expect(await snapshotsOf(targetId)).toHaveLength(0);
    const account = await testApp.prisma.connectedAccount.findUniqueOrThrow({ where: { id: fixture.accountId } });
    expect(account.status).toBe('NEEDS_RECONNECT');
    const repository = testApp.app.get(SnapshotScheduler)['snapshots'];
    expect((await repository.due()).some((due) => due.targetId === targetId)).toBe(false);
    await seal(fixture.accountId, { accessToken: TOKEN });
    expect((await repository.due()).some((due) => due.targetId === targetId)).toBe(true);
  });

  it('keeps to the per-account read budget: over it, the read waits for the window without calling the platform', async () => {
    const { targetId, statusId } = await published(2 * HOUR);
    const limiter = testApp.app.get(RateLimiter);
    for (let i = 0; i < 30; i++) await limiter.hit(['metrics', fixture.accountId], 30, 5 * 60_000);
    const before = instance.server.requests.length;
    const step = await collector.take(targetId, 'ON_DEMAND');
    expect(step).toMatchObject({ kind: 'again', countsAsAttempt: false });
    expect(instance.server.requests.length).toBe(before);
    expect(statusId).toBeTruthy();
  });

  it('gives each delivery one job per planned stage and one on-demand job per minute', async () => {
    const id = randomBytes(4).toString('hex');
    expect(snapshotJobId(id, 'H1')).toBe(`snap-${id}-h1`);
    expect(snapshotJobId(id, 'ON_DEMAND', 60_000)).toBe(snapshotJobId(id, 'ON_DEMAND', 119_999));
    expect(snapshotJobId(id, 'ON_DEMAND', 60_000)).not.toBe(snapshotJobId(id, 'ON_DEMAND', 120_000));
  });
});
