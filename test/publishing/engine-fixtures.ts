import { randomBytes, randomUUID } from 'node:crypto';
import { SecretBox } from '../../src/core/crypto';
import type { Platform, PrismaService } from '../../src/core/database';
import { PublisherRegistry, type Publisher, type PublishRequest } from '../../src/publishers';
import { DeliveryScheduler } from '../../src/publishing';
import type { TestApp } from '../support/test-app';

export const WEBHOOK_SECRET = 'contract-secret-0123456789abcdef';

/** The states a delivery does not leave by itself. */
export const FINAL_STATES = ['PUBLISHED', 'FAILED', 'UNCONFIRMED', 'EXPIRED', 'CANCELLED'];

export interface Fixture {
  workspaceId: string;
  workspaceSlug: string;
  userId: string;
  accountId: string;
  campaignId: string | null;
}

const createdWorkspaces: string[] = [];

/**
 * Deletes this file's workspaces (deliveries first): the test database is shared, and every
 * running sweeper would otherwise keep working on a finished test's leftovers.
 */
export async function removeFixtures(prisma: PrismaService): Promise<void> {
  const ids = createdWorkspaces.splice(0);
  await prisma.postTarget.deleteMany({ where: { workspaceId: { in: ids } } });
  await prisma.workspace.deleteMany({ where: { id: { in: ids } } });
}

/** A workspace with one user and one channel (WEBHOOK by default, credentials sealed like the app does). */
export async function createFixture(
  testApp: TestApp,
  options: {
    platform?: Platform;
    baseUrl?: string;
    campaign?: { latePolicy: 'PUBLISH_LATE' | 'EXPIRE'; lateGraceMinutes: number };
  } = {},
): Promise<Fixture> {
  const prisma = testApp.prisma;
  const suffix = randomBytes(5).toString('hex');
  const workspace = await prisma.workspace.create({
    data: { slug: `ws-${suffix}`, name: `Serikat ${suffix}`, timeZone: 'Asia/Jakarta' },
  });
  createdWorkspaces.push(workspace.id);
  const user = await prisma.user.create({
    data: { email: `u-${suffix}@example.test`, name: 'Editor', passwordHash: 'x' },
  });
  const account = await prisma.connectedAccount.create({
    data: {
      workspaceId: workspace.id,
      platform: options.platform ?? 'WEBHOOK',
      displayName: `Channel ${suffix}`,
      baseUrl: options.baseUrl ?? null,
    },
  });
  const sealed = testApp.app
    .get(SecretBox)
    .seal(JSON.stringify({ secret: WEBHOOK_SECRET }), { workspaceId: workspace.id, subject: `account:${account.id}` });
  await prisma.connectedAccount.update({
    where: { id: account.id },
    data: { credentialsCiphertext: sealed.ciphertext, credentialsKeyId: sealed.keyId },
  });
  const campaign = options.campaign
    ? await prisma.campaign.create({
        data: { workspaceId: workspace.id, name: 'Mogok nasional', timeZone: 'Asia/Jakarta', ...options.campaign },
      })
    : null;
  return {
    workspaceId: workspace.id,
    workspaceSlug: workspace.slug,
    userId: user.id,
    accountId: account.id,
    campaignId: campaign?.id ?? null,
  };
}

/** An APPROVED post with one SCHEDULED target, written the way approval does, then woken. */
export async function scheduleTarget(
  testApp: TestApp,
  fixture: Fixture,
  dueAt: Date,
  options: { text?: string; notAfter?: Date; wake?: boolean; accountId?: string } = {},
): Promise<{ postId: string; targetId: string; version: number }> {
  const prisma = testApp.prisma;
  const post = await prisma.post.create({
    data: {
      workspaceId: fixture.workspaceId,
      campaignId: fixture.campaignId,
      authorId: fixture.userId,
      baseText: options.text ?? `Solidaritas! ${randomUUID()}`,
      scheduledAt: dueAt,
      scheduleZone: 'Asia/Jakarta',
      notAfter: options.notAfter ?? null,
      status: 'APPROVED',
      version: 1,
      approvedVersion: 1,
      approvedAt: new Date(),
    },
  });
  const target = await prisma.postTarget.create({
    data: {
      postId: post.id,
      workspaceId: fixture.workspaceId,
      accountId: options.accountId ?? fixture.accountId,
      state: 'SCHEDULED',
      version: 1,
      dueAt,
    },
  });
  if (options.wake !== false) await testApp.app.get(DeliveryScheduler).wake([{ id: target.id, version: 1, dueAt }]);
  return { postId: post.id, targetId: target.id, version: 1 };
}

/** Polls until the target is in one of the given states, or the time runs out (then returns it as it is). */
export async function waitForState(prisma: PrismaService, targetId: string, states: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const target = await prisma.postTarget.findUniqueOrThrow({ where: { id: targetId } });
    if (states.includes(target.state) || Date.now() > deadline) return target;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Registers a stand-in publisher for one platform in this test app only (e.g. the WEBHOOK
 * publisher declared unsafe to retry), reaching into the registry's map.
 */
export function overridePublisher(testApp: TestApp, publisher: Publisher): void {
  const registry = testApp.app.get(PublisherRegistry) as unknown as { byPlatform: Map<Platform, Publisher> };
  registry.byPlatform.set(publisher.platform, publisher);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real WEBHOOK publisher with other declared properties (unsafe retry, a rate budget, a slow call). */
export function variant(
  base: Publisher,
  changes: Partial<Pick<Publisher, 'ambiguousRetry' | 'limits'>> & {
    delayMs?: number;
    onCall?: (request: PublishRequest) => () => void;
  },
): Publisher {
  return {
    platform: base.platform,
    limits: changes.limits ?? base.limits,
    ambiguousRetry: changes.ambiguousRetry ?? base.ambiguousRetry,
    validate: (content, account) => base.validate(content, account),
    verifyCredentials: (account, signal) => base.verifyCredentials(account, signal),
    publish: async (request) => {
      const done = changes.onCall?.(request);
      try {
        if (changes.delayMs) await sleep(changes.delayMs);
        return await base.publish(request);
      } finally {
        done?.();
      }
    },
  };
}
