import { Injectable } from '@nestjs/common';
import { type DeliveryState, type Platform, Prisma, type PostStatus, PrismaService, type Tx } from '../core/database';
import type { CalendarQuery } from './calendar.schemas';

/** The calendar's filters; the iCal feed uses none of them. */
export type PostFilters = Partial<
  Pick<CalendarQuery, 'campaignId' | 'status' | 'authorId' | 'accountId' | 'platform'>
> & { limit: number };

/** Joint campaigns of a workspace, and the (campaign, workspace) pairs whose posts it may see in them. */
export interface JointCampaigns {
  ids: string[];
  sharers: Array<{ campaignId: string; workspaceId: string }>;
}

/** A post as the calendar shows it, with its workspace, campaign, author and deliveries. */
export interface CalendarPost {
  id: string;
  workspaceId: string;
  status: PostStatus;
  version: number;
  scheduledAt: Date;
  scheduleZone: string | null;
  baseText: string;
  workspace: { id: string; slug: string; name: string };
  campaign: { id: string; name: string; color: string; heldAt: string | null } | null;
  author: { id: string; name: string };
  targets: Array<{
    id: string;
    state: DeliveryState;
    account: { id: string; platform: Platform; displayName: string };
  }>;
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Joint campaigns this workspace takes part in (as owner with partners, or as active partner), and
   * whose posts in each are shared: the owner's and its ACTIVE partners', read now (docs/security.md,
   * rule 1: a partner that left takes its posts along, whatever it writes afterwards).
   */
  async jointCampaigns(workspaceId: string): Promise<JointCampaigns> {
    const rows = await this.prisma.campaign.findMany({
      where: {
        OR: [
          { workspaceId, partners: { some: { status: 'ACTIVE' } } },
          { partners: { some: { workspaceId, status: 'ACTIVE' } } },
        ],
      },
      select: { id: true, workspaceId: true, partners: { where: { status: 'ACTIVE' }, select: { workspaceId: true } } },
    });
    const sharers = rows.flatMap((row) =>
      [row.workspaceId, ...row.partners.map((p) => p.workspaceId)].map((sharer) => ({
        campaignId: row.id,
        workspaceId: sharer,
      })),
    );
    return { ids: rows.map((row) => row.id), sharers };
  }

  /**
   * Posts in [from, to): the workspace's own, and in its joint campaigns those of the workspaces
   * sharing them now (jointCampaigns: decided at read time, not by data moved on leave), with
   * everything the calendar shows, in ONE query (the relations as JSON), run as a hot statement:
   * a page of ~400 rows costs the Prisma client more CPU than the query itself. Keyset-paginated on
   * (scheduledAt, id); the two branches use the (workspaceId|campaignId, scheduledAt, id) indexes.
   */
  posts(
    workspaceId: string,
    joint: JointCampaigns,
    range: { from: Date; to: Date },
    query: PostFilters,
    cursor?: { at: Date; id: string },
  ): Promise<CalendarPost[]> {
    const where = (condition: boolean, fragment: Prisma.Sql) =>
      condition ? Prisma.sql`AND ${fragment}` : Prisma.empty;
    return this.prisma.hotStatement<CalendarPost>(Prisma.sql`
      SELECT p.id::text AS id, p."workspaceId"::text AS "workspaceId", p.status::text AS status, p.version,
             p."scheduledAt", p."scheduleZone", p."baseText",
             json_build_object('id', w.id, 'slug', w.slug, 'name', w.name) AS workspace,
             CASE WHEN c.id IS NULL THEN NULL
                  ELSE json_build_object('id', c.id, 'name', c.name, 'color', c.color, 'heldAt', c."heldAt") END AS campaign,
             json_build_object('id', u.id, 'name', u.name) AS author,
             COALESCE((SELECT json_agg(json_build_object('id', t.id, 'state', t.state,
                                         'account', json_build_object('id', a.id, 'platform', a.platform, 'displayName', a."displayName"))
                                       ORDER BY t."createdAt", t.id)
                         FROM "PostTarget" t JOIN "ConnectedAccount" a ON a.id = t."accountId"
                        WHERE t."postId" = p.id), '[]'::json) AS targets
        FROM "Post" p
        JOIN "Workspace" w ON w.id = p."workspaceId"
        JOIN "User" u ON u.id = p."authorId"
        LEFT JOIN "Campaign" c ON c.id = p."campaignId"
       WHERE (p."workspaceId" = ${workspaceId}::uuid
              OR (p."campaignId" = ANY(${joint.ids}::uuid[])
                  AND (p."campaignId", p."workspaceId") IN (SELECT * FROM unnest(${joint.sharers.map((s) => s.campaignId)}::uuid[], ${joint.sharers.map((s) => s.workspaceId)}::uuid[]))))
         AND p."scheduledAt" >= ${range.from} AND p."scheduledAt" < ${range.to}
         ${where(Boolean(query.campaignId), Prisma.sql`p."campaignId" = ${query.campaignId ?? null}::uuid`)}
         ${where(Boolean(query.status), Prisma.sql`p.status::text = ${query.status ?? null}`)}
         ${where(Boolean(query.authorId), Prisma.sql`p."authorId" = ${query.authorId ?? null}::uuid`)}
         ${where(Boolean(query.accountId), Prisma.sql`EXISTS (SELECT 1 FROM "PostTarget" f WHERE f."postId" = p.id AND f."accountId" = ${query.accountId ?? null}::uuid)`)}
         ${where(Boolean(query.platform), Prisma.sql`EXISTS (SELECT 1 FROM "PostTarget" f JOIN "ConnectedAccount" fa ON fa.id = f."accountId" WHERE f."postId" = p.id AND fa.platform::text = ${query.platform ?? null})`)}
         ${where(Boolean(cursor), Prisma.sql`(p."scheduledAt", p.id) > (${cursor?.at ?? null}, ${cursor?.id ?? null}::uuid)`)}
       ORDER BY p."scheduledAt", p.id
       LIMIT ${query.limit}`);
  }

  /**
   * The span the workspace's campaigns cover (its own and the joint ones it shares): their start
   * and end dates and the times of their posts. Null ends when there is no campaign.
   */
  async campaignHorizon(workspaceId: string, joint: JointCampaigns): Promise<{ from: Date | null; to: Date | null }> {
    const [row] = await this.prisma.$queryRaw<Array<{ from: Date | null; to: Date | null }>>`
      WITH c AS (
        SELECT id, "startsAt", "endsAt" FROM "Campaign"
         WHERE ("workspaceId" = ${workspaceId}::uuid OR id = ANY(${joint.ids}::uuid[])) AND "archivedAt" IS NULL
      )
      SELECT LEAST((SELECT min("startsAt") FROM c), (SELECT min(p."scheduledAt") FROM "Post" p WHERE p."campaignId" IN (SELECT id FROM c))) AS "from",
             GREATEST((SELECT max("endsAt") FROM c), (SELECT max(p."scheduledAt") FROM "Post" p WHERE p."campaignId" IN (SELECT id FROM c))) AS "to"`;
    return row ?? { from: null, to: null };
  }

  workspaceHold(workspaceId: string) {
    return this.prisma.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { id: true, name: true, timeZone: true, heldAt: true, holdReason: true, holdResumeAt: true },
    });
  }

  heldCampaigns(workspaceId: string, jointIds: string[]) {
    return this.prisma.campaign.findMany({
      where: { heldAt: { not: null }, OR: [{ workspaceId }, { id: { in: jointIds } }] },
      select: { id: true, name: true, heldAt: true, holdReason: true, holdResumeAt: true },
    });
  }

  keyDates(workspaceId: string, from: Date, to: Date) {
    return this.prisma.keyDate.findMany({
      where: { workspaceId, date: { gte: from, lt: to } },
      orderBy: { date: 'asc' },
    });
  }

  createKeyDate(
    tx: Tx,
    workspaceId: string,
    data: { date: Date; title: string; kind: Prisma.KeyDateUncheckedCreateInput['kind'] },
  ) {
    return tx.keyDate.create({ data: { ...data, workspaceId } });
  }

  async deleteKeyDate(tx: Tx, workspaceId: string, keyDateId: string) {
    return (await tx.keyDate.deleteMany({ where: { id: keyDateId, workspaceId } })).count;
  }

  /** Revokes the user's live feeds of the workspace; how many there were. */
  async revokeFeeds(tx: Tx, workspaceId: string, userId: string): Promise<number> {
    return (
      await tx.calendarFeed.updateMany({
        where: { userId, workspaceId, revokedAt: null },
        data: { revokedAt: new Date() },
      })
    ).count;
  }

  createFeed(tx: Tx, workspaceId: string, userId: string, tokenHash: string) {
    return tx.calendarFeed.create({ data: { userId, workspaceId, tokenHash } });
  }

  /**
   * The live feed behind a token hash, while its user is still a member of its workspace, else null.
   * Not scoped by a workspace id: the secret token is what names the workspace here.
   */
  async liveFeed(tokenHash: string) {
    const feed = await this.prisma.calendarFeed.findFirst({ where: { tokenHash, revokedAt: null } });
    const member =
      feed &&
      (await this.prisma.membership.findUnique({
        where: { workspaceId_userId: { workspaceId: feed.workspaceId, userId: feed.userId } },
      }));
    return member ? feed : null;
  }

  /** The feed's user's language (a user spans workspaces). */
  async userLocale(userId: string): Promise<string> {
    return (await this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true } })).locale;
  }
}
