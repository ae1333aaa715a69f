import { Injectable } from '@nestjs/common';
import {
  type NotificationKind,
  type NotificationSubject,
  Prisma,
  PrismaService,
  type Role,
  type Tx,
} from '../core/database';
import { DEFAULT_LOCALE, isLocale } from '../core/i18n';
import { ATTENTION_KINDS, type Reader } from './catalog';

/** Who is told: workspace members by role, or named users (kept only while they are members). */
export type Audience = { roles: Role[] } | { userIds: string[] };

export interface NotificationRow {
  workspaceId: string;
  kind: NotificationKind;
  subjectType: NotificationSubject;
  subjectId: string;
  targetId?: string | null;
  params: Prisma.InputJsonObject;
}

const NOTIFICATION_FIELDS = {
  id: true,
  kind: true,
  subjectType: true,
  subjectId: true,
  targetId: true,
  params: true,
  createdAt: true,
} as const;

/** Notifications, their recipients and read state; every method takes the workspace id. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The members an audience names, without `except` (the actor is never told about their own act). */
  async recipients(tx: Tx, workspaceId: string, audiences: Audience[], except: string | null): Promise<string[]> {
    const roles = audiences.flatMap((a) => ('roles' in a ? a.roles : []));
    const userIds = audiences.flatMap((a) => ('userIds' in a ? a.userIds : []));
    if (roles.length === 0 && userIds.length === 0) return [];
    const members = await tx.membership.findMany({
      where: {
        workspaceId,
        OR: [{ role: { in: roles } }, { userId: { in: userIds } }],
        userId: except ? { not: except } : undefined,
      },
      select: { userId: true },
    });
    return [...new Set(members.map((m) => m.userId))];
  }

  async insert(tx: Tx, row: NotificationRow, userIds: string[]): Promise<string> {
    const created = await tx.notification.create({
      data: { ...row, recipients: { create: userIds.map((userId) => ({ userId, workspaceId: row.workspaceId })) } },
    });
    return created.id;
  }

  /** The post's author and everyone who commented on it. */
  async postPeople(tx: Tx, workspaceId: string, postId: string) {
    const post = await tx.post.findFirst({
      where: { id: postId, workspaceId },
      select: { authorId: true, title: true, baseText: true, scheduledAt: true, campaignId: true },
    });
    const comments = await tx.reviewComment.findMany({
      where: { workspaceId, postId, kind: 'COMMENT' },
      select: { authorId: true },
      distinct: ['authorId'],
    });
    return post ? { ...post, commenters: comments.map((c) => c.authorId) } : null;
  }

  async targetPost(tx: Tx, workspaceId: string, targetId: string) {
    return tx.postTarget.findFirst({ where: { id: targetId, workspaceId }, select: { postId: true } });
  }

  async userName(tx: Tx, userId: string | null): Promise<string> {
    if (!userId) return 'Gaung';
    return (await tx.user.findUnique({ where: { id: userId }, select: { name: true } }))?.name ?? 'Gaung';
  }

  async accountName(tx: Tx, workspaceId: string, accountId: string): Promise<string> {
    return (
      (await tx.connectedAccount.findFirst({ where: { id: accountId, workspaceId }, select: { displayName: true } }))
        ?.displayName ?? '-'
    );
  }

  async workspaceName(tx: Tx, workspaceId: string): Promise<string> {
    return (await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { name: true } })).name;
  }

  /** The campaign's name and the workspaces of its accepted partners. */
  async campaign(tx: Tx, workspaceId: string, campaignId: string) {
    return tx.campaign.findFirst({
      where: { id: campaignId, workspaceId },
      select: { name: true, partners: { where: { status: 'ACTIVE' }, select: { workspaceId: true } } },
    });
  }

  /** The reader's language and zone: their own, else the workspace's zone. */
  async reader(workspaceId: string, userId: string): Promise<Reader> {
    const [user, workspace] = await Promise.all([
      this.prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { locale: true, timeZone: true } }),
      this.prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } }),
    ]);
    return {
      locale: isLocale(user.locale) ? user.locale : DEFAULT_LOCALE,
      timeZone: user.timeZone ?? workspace.timeZone,
    };
  }

  /** Keyset page of one user's notifications in one workspace, newest first. */
  mine(workspaceId: string, userId: string, query: { unread: boolean; before?: string; limit: number }) {
    return this.prisma.notificationRecipient.findMany({
      where: {
        workspaceId,
        userId,
        readAt: query.unread ? null : undefined,
        notificationId: query.before ? { lt: query.before } : undefined,
      },
      orderBy: { notificationId: 'desc' },
      take: query.limit,
      select: { readAt: true, notification: { select: NOTIFICATION_FIELDS } },
    });
  }

  unreadCount(workspaceId: string, userId: string): Promise<number> {
    return this.prisma.notificationRecipient.count({ where: { workspaceId, userId, readAt: null } });
  }

  /** 0 when the notification is not this user's in this workspace; marking twice keeps the first read time. */
  async markRead(workspaceId: string, userId: string, notificationId: string): Promise<number> {
    const mine = await this.prisma.notificationRecipient.findFirst({
      where: { workspaceId, userId, notificationId },
      select: { id: true },
    });
    if (!mine) return 0;
    await this.prisma.notificationRecipient.updateMany({
      where: { id: mine.id, readAt: null },
      data: { readAt: new Date() },
    });
    return 1;
  }

  async markAllRead(workspaceId: string, userId: string): Promise<number> {
    return (
      await this.prisma.notificationRecipient.updateMany({
        where: { workspaceId, userId, readAt: null },
        data: { readAt: new Date() },
      })
    ).count;
  }

  /** The workspace's list of what needs attention (open or all), newest first; news for named people is not in it. */
  workspaceList(
    workspaceId: string,
    query: { include: 'open' | 'all'; kind?: NotificationKind; before?: string; limit: number },
  ) {
    const kinds = ATTENTION_KINDS.filter((kind) => !query.kind || kind === query.kind);
    return this.prisma.notification.findMany({
      where: {
        workspaceId,
        resolvedAt: query.include === 'open' ? null : undefined,
        kind: { in: kinds },
        id: query.before ? { lt: query.before } : undefined,
      },
      orderBy: { id: 'desc' },
      take: query.limit,
      select: { ...NOTIFICATION_FIELDS, workspaceId: true, resolvedAt: true },
    });
  }

  async resolve(tx: Tx, workspaceId: string, notificationId: string): Promise<number> {
    return (
      await tx.notification.updateMany({
        where: { id: notificationId, workspaceId, resolvedAt: null },
        data: { resolvedAt: new Date() },
      })
    ).count;
  }

  forDelivery(notificationId: string) {
    return this.prisma.notification.findUnique({
      where: { id: notificationId },
      select: { ...NOTIFICATION_FIELDS, workspaceId: true },
    });
  }

  kinds(ids: string[]) {
    return this.prisma.notification.findMany({
      where: { id: { in: ids } },
      select: { id: true, workspaceId: true, kind: true, subjectId: true },
    });
  }

  workspaceReader(workspaceId: string) {
    return this.prisma.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { locale: true, timeZone: true },
    });
  }
}
