import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma, type Tx } from '../core/database';
import type { CalendarQuery } from './calendar.schemas';

const calendarInclude = {
  targets: { select: { id: true, state: true, account: { select: { id: true, platform: true, displayName: true } } } },
  campaign: { select: { id: true, name: true, color: true, heldAt: true } },
  author: { select: { id: true, name: true } },
  workspace: { select: { id: true, slug: true, name: true } },
} satisfies Prisma.PostInclude;

/** The calendar's filters; the iCal feed uses none of them. */
export type PostFilters = Partial<Pick<CalendarQuery, 'campaignId' | 'status' | 'authorId' | 'accountId' | 'platform'>> & { limit: number };

export type CalendarPost = Prisma.PostGetPayload<{ include: typeof calendarInclude }>;

@Injectable()
export class CalendarRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Joint campaigns this workspace takes part in (as owner with partners, or as active partner). */
  async jointCampaignIds(workspaceId: string): Promise<string[]> {
    const rows = await this.prisma.campaign.findMany({
      where: {
        OR: [
          { workspaceId, partners: { some: { status: 'ACTIVE' } } },
          { partners: { some: { workspaceId, status: 'ACTIVE' } } },
        ],
      },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /**
   * Posts in [from, to): the workspace's own, and every partner's posts in its joint campaigns.
   * Keyset-paginated on (scheduledAt, id); both branches are served by (workspaceId|campaignId,
   * scheduledAt, id) indexes.
   */
  posts(workspaceId: string, jointIds: string[], range: { from: Date; to: Date }, query: PostFilters, cursor?: { at: Date; id: string }) {
    const visible: Prisma.PostWhereInput = jointIds.length ? { OR: [{ workspaceId }, { campaignId: { in: jointIds } }] } : { workspaceId };
    const filters: Prisma.PostWhereInput[] = [
      visible,
      { scheduledAt: { gte: range.from, lt: range.to } },
      query.campaignId ? { campaignId: query.campaignId } : {},
      query.status ? { status: query.status } : {},
      query.authorId ? { authorId: query.authorId } : {},
      query.accountId ? { targets: { some: { accountId: query.accountId } } } : {},
      query.platform ? { targets: { some: { account: { platform: query.platform } } } } : {},
      cursor ? { OR: [{ scheduledAt: { gt: cursor.at } }, { scheduledAt: cursor.at, id: { gt: cursor.id } }] } : {},
    ];
    return this.prisma.post.findMany({
      where: { AND: filters },
      include: calendarInclude,
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: query.limit,
    });
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
    return this.prisma.keyDate.findMany({ where: { workspaceId, date: { gte: from, lt: to } }, orderBy: { date: 'asc' } });
  }

  createKeyDate(tx: Tx, workspaceId: string, data: { date: Date; title: string; kind: Prisma.KeyDateUncheckedCreateInput['kind'] }) {
    return tx.keyDate.create({ data: { ...data, workspaceId } });
  }

  async deleteKeyDate(tx: Tx, workspaceId: string, keyDateId: string) {
    return (await tx.keyDate.deleteMany({ where: { id: keyDateId, workspaceId } })).count;
  }
}
