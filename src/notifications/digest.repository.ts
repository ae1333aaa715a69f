import { Injectable } from '@nestjs/common';
import { PrismaService } from '../core/database';
import { PREFERENCE_FIELDS } from './preferences.repository';

/**
 * The daily digest's rows: a recipient's e-mail that waits for their digest is marked on the
 * recipient row (digestDueAt), and stamped digestSentAt once the digest went out. A person's
 * digest spans their workspaces (one e-mail a day, not one per workspace).
 */
@Injectable()
export class DigestRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Marks these recipients' e-mails as waiting for the digest due at `dueAt` (one update per due time). */
  async markPending(entries: Array<{ notificationId: string; userId: string; dueAt: Date }>): Promise<void> {
    for (const entry of entries) {
      await this.prisma.notificationRecipient.updateMany({
        where: { notificationId: entry.notificationId, userId: entry.userId, digestSentAt: null },
        data: { digestDueAt: entry.dueAt },
      });
    }
  }

  /** What is due in one person's digest by `now`, oldest first, with their address, language, zone and choices. */
  async due(userId: string, now: Date) {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      select: {
        email: true,
        locale: true,
        timeZone: true,
        notificationPreference: { select: PREFERENCE_FIELDS },
        memberships: { select: { workspaceId: true } },
      },
    });
    if (!user) return null;
    const rows = await this.prisma.notificationRecipient.findMany({
      where: { userId, digestDueAt: { lte: now }, digestSentAt: null },
      orderBy: { notificationId: 'asc' },
      take: 200,
      select: {
        id: true,
        workspaceId: true,
        notification: {
          select: {
            kind: true,
            params: true,
            subjectType: true,
            subjectId: true,
            createdAt: true,
            workspace: { select: { slug: true, name: true, timeZone: true } },
          },
        },
      },
    });
    return { user, rows };
  }

  async markSent(recipientIds: string[], now: Date): Promise<void> {
    if (recipientIds.length === 0) return;
    await this.prisma.notificationRecipient.updateMany({
      where: { id: { in: recipientIds }, digestSentAt: null },
      data: { digestSentAt: now },
    });
  }
}
