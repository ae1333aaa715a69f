import { DateTime } from 'luxon';
import { hashPassword, newSecretToken, type SecretBox } from '../core/crypto';
import type { PrismaClient } from '../core/database';
import { DeliveryState, Platform, PostStatus, Role } from '../core/database';
import { seedDemoHistory } from './demo-history';
import { DemoRepository } from './demo.repository';
import { recordPostVersion } from '../posts/post-versions.repository';

/** Every demo user's password; documented in README. Demo data only: never use in production. */
export const DEMO_PASSWORD = 'gaung-demo-2026';
/** Where the demo WEBHOOK channels point: the development-only receiver (demo-receiver.controller.ts). */
export const DEMO_RECEIVER_PATH = '/demo/webhook-receiver';
const ROLES: Role[] = [Role.OWNER, Role.ADMIN, Role.COORDINATOR, Role.EDITOR, Role.VIEWER];
const WORKSPACES = [
  { slug: 'kspi', name: 'Konfederasi Serikat Pekerja Indonesia (KSPI)' },
  { slug: 'ksbsi', name: 'Konfederasi Serikat Buruh Seluruh Indonesia (KSBSI)' },
] as const;

/** The seed writes about two thousand rows in one transaction: more than Prisma's 5 s default on a busy machine. */
const SEED_TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

export interface SeedResult {
  seeded: boolean;
}

/**
 * Demo data: KSPI and KSBSI (Asia/Jakarta, Indonesian), one user per role in each
 * (`<role>@<slug>.demo`), a joint campaign, posts in several states planned in WIB, WITA and WIT, and
 * a few months of published history with metric snapshots (src/demo/demo-history.ts).
 * Idempotent: does nothing when the demo workspaces exist.
 */
export async function seedDemo(
  prisma: PrismaClient,
  secrets: SecretBox,
  publicBaseUrl: string,
  now = DateTime.utc(),
): Promise<SeedResult> {
  const existing = await new DemoRepository(prisma).countWorkspaces(WORKSPACES.map((w) => w.slug));
  if (existing > 0) return { seeded: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await prisma.$transaction(async (tx) => {
    const demo = new DemoRepository(tx);
    const ids: Record<
      string,
      { workspaceId: string; users: Record<Role, string>; accountId: string; webhookId: string }
    > = {};
    for (const { slug, name } of WORKSPACES) {
      const workspace = await demo.createWorkspace({ slug, name, timeZone: 'Asia/Jakarta', locale: 'id' });
      const users = {} as Record<Role, string>;
      for (const role of ROLES) {
        users[role] = await demo.createMember(workspace.id, role, {
          email: `${role.toLowerCase()}@${slug}.demo`,
          name: `${role.charAt(0)}${role.slice(1).toLowerCase()} ${slug.toUpperCase()}`,
          passwordHash,
          locale: 'id',
        });
      }
      const account = await demo.createAccount(workspace.id, {
        platform: Platform.FEED,
        displayName: `${slug.toUpperCase()} feed`,
        handle: slug,
      });
      const webhook = await demo.createAccount(workspace.id, {
        platform: Platform.WEBHOOK,
        displayName: `${slug.toUpperCase()} webhook (demo receiver)`,
        baseUrl: `${publicBaseUrl}${DEMO_RECEIVER_PATH}`,
      });
      // Each workspace's channel has its own secret: the receiver files a delivery under the workspace whose secret signed it.
      const sealed = secrets.seal(JSON.stringify({ secret: newSecretToken('whsec_') }), {
        workspaceId: workspace.id,
        subject: `account:${webhook.id}`,
      });
      await demo.setAccountCredentials(workspace.id, webhook.id, sealed);
      ids[slug] = { workspaceId: workspace.id, users, accountId: account.id, webhookId: webhook.id };
    }

    const kspi = ids.kspi!;
    const ksbsi = ids.ksbsi!;
    const campaign = await demo.createCampaign(kspi.workspaceId, {
      name: 'Tolak Upah Murah 2027',
      goal: 'Mendorong kenaikan upah minimum yang layak di seluruh provinsi.',
      keyMessages: ['Upah layak adalah hak', 'Buruh bersatu dari Sabang sampai Merauke'],
      hashtags: ['#TolakUpahMurah', '#BuruhBersatu'],
      color: '#c0392b',
      timeZone: 'Asia/Jakarta',
      startsAt: now.minus({ days: 7 }).toJSDate(),
      endsAt: now.plus({ days: 30 }).toJSDate(),
      partners: {
        create: {
          workspaceId: ksbsi.workspaceId,
          status: 'ACTIVE',
          invitedById: kspi.users.COORDINATOR,
          respondedById: ksbsi.users.COORDINATOR,
          respondedAt: now.toJSDate(),
        },
      },
    });

    const plans = [
      // Due a few minutes after the first `npm start`: watch it appear in the KSPI feed.
      {
        who: kspi,
        zone: 'Asia/Makassar',
        inHours: 0.05,
        status: PostStatus.APPROVED,
        text: 'Selamat datang di Gaung: postingan demo ini terbit otomatis. #BuruhBersatu',
        webhook: true,
      },
      {
        who: kspi,
        zone: 'Asia/Jakarta',
        inHours: 2,
        status: PostStatus.APPROVED,
        text: 'Aksi serentak di Jakarta besok pagi. #TolakUpahMurah',
      },
      {
        who: kspi,
        zone: 'Asia/Makassar',
        inHours: 26,
        status: PostStatus.IN_REVIEW,
        text: 'Konsolidasi buruh Makassar: upah layak untuk semua.',
      },
      {
        who: kspi,
        zone: 'Asia/Jayapura',
        inHours: 50,
        status: PostStatus.DRAFT,
        text: 'Dari Jayapura: pengawasan ketenagakerjaan harus diperkuat.',
      },
      {
        who: ksbsi,
        zone: 'Asia/Jakarta',
        inHours: 5,
        status: PostStatus.APPROVED,
        text: 'KSBSI bersama KSPI: #BuruhBersatu menolak upah murah.',
      },
      {
        who: ksbsi,
        zone: 'Asia/Jayapura',
        inHours: 30,
        status: PostStatus.CHANGES_REQUESTED,
        text: 'Buruh Papua menuntut perlindungan yang sama.',
      },
    ];
    // A few months of published posts with counts, so the analytics pages show something at once.
    // The campaign before it (a campaign report compares with it): the history posts of its weeks are its own.
    const previous = { from: now.minus({ days: 60 }), to: now.minus({ days: 30 }) };
    const previousCampaign = await demo.createCampaign(kspi.workspaceId, {
      name: 'THR Penuh 2026',
      keyMessages: ['Upah layak adalah hak'],
      hashtags: ['#TolakUpahMurah'],
      color: '#1f6f35',
      timeZone: 'Asia/Jakarta',
      startsAt: previous.from.toJSDate(),
      endsAt: previous.to.toJSDate(),
    });
    const owners = [kspi, ksbsi].map((ws, index) => ({
      workspaceId: ws.workspaceId,
      authorId: ws.users.EDITOR,
      approverId: ws.users.COORDINATOR,
      slug: WORKSPACES[index]!.slug,
      webhookId: ws.webhookId,
    }));
    await seedDemoHistory(
      tx,
      owners,
      { current: campaign.id, previous: { id: previousCampaign.id, ...previous } },
      now,
    );
    for (const plan of plans) {
      const scheduled = now.plus({ hours: plan.inHours }).setZone(plan.zone).startOf('minute').plus({ minutes: 1 });
      const approved = plan.status === PostStatus.APPROVED;
      const post = await demo.createPost(plan.who.workspaceId, {
        campaignId: campaign.id,
        authorId: plan.who.users.EDITOR,
        unreviewedEditorIds: approved ? [] : [plan.who.users.EDITOR],
        baseText: plan.text,
        scheduledAt: scheduled.toJSDate(),
        scheduleZone: plan.zone,
        status: plan.status,
        submittedAt: plan.status === PostStatus.DRAFT ? null : now.toJSDate(),
        approvedVersion: approved ? 1 : null,
        approvedById: approved ? plan.who.users.COORDINATOR : null,
        approvedAt: approved ? now.toJSDate() : null,
        targets: {
          create: [plan.who.accountId, ...('webhook' in plan ? [plan.who.webhookId] : [])].map((accountId) => ({
            workspaceId: plan.who.workspaceId,
            accountId,
            state: approved ? DeliveryState.SCHEDULED : DeliveryState.PENDING,
            dueAt: approved ? scheduled.toJSDate() : null,
          })),
        },
      });
      await recordPostVersion(tx, post, plan.who.users.EDITOR);
    }
  }, SEED_TRANSACTION);
  return { seeded: true };
}
