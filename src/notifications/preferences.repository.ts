import { Injectable } from '@nestjs/common';
import { type NotificationKind, PrismaService } from '../core/database';
import { DEFAULT_CHOICES, type NotificationChoices } from './preferences';

type PreferenceRow = {
  emailKinds: NotificationKind[];
  telegramKinds: NotificationKind[];
  quietFrom: string | null;
  quietUntil: string | null;
  digestHour: number | null;
} | null;

export const choicesOf = (row: PreferenceRow): NotificationChoices =>
  row
    ? {
        emailKinds: row.emailKinds,
        telegramKinds: row.telegramKinds,
        quietHours: row.quietFrom && row.quietUntil ? { from: row.quietFrom, until: row.quietUntil } : null,
        digestHour: row.digestHour,
      }
    : DEFAULT_CHOICES;

export const PREFERENCE_FIELDS = {
  emailKinds: true,
  telegramKinds: true,
  quietFrom: true,
  quietUntil: true,
  digestHour: true,
} as const;

/** Each user's own choices (not workspace data: a person chooses once for every workspace) and what the e-mail channel reads. */
@Injectable()
export class PreferencesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async choices(userId: string): Promise<NotificationChoices> {
    return choicesOf(
      await this.prisma.notificationPreference.findUnique({ where: { userId }, select: PREFERENCE_FIELDS }),
    );
  }

  /**
   * Replaces the choices. Telegram's kinds (clients from before the channel) and the digest hour
   * stay as they were when not given.
   */
  async save(
    userId: string,
    choices: Omit<NotificationChoices, 'telegramKinds' | 'digestHour'> & {
      telegramKinds?: readonly NotificationKind[];
      digestHour?: number | null;
    },
  ): Promise<NotificationChoices> {
    const telegramKinds = [...(choices.telegramKinds ?? (await this.choices(userId)).telegramKinds)];
    const data = {
      emailKinds: [...choices.emailKinds],
      telegramKinds,
      quietFrom: choices.quietHours?.from ?? null,
      quietUntil: choices.quietHours?.until ?? null,
      digestHour: choices.digestHour,
    };
    return choicesOf(
      await this.prisma.notificationPreference.upsert({
        where: { userId },
        create: { userId, ...data },
        update: data,
        select: PREFERENCE_FIELDS,
      }),
    );
  }

  /** The recipients of these notifications with their choices (e-mail and Telegram) and zone. */
  async recipientsWithChoices(notificationIds: string[]) {
    const rows = await this.prisma.notificationRecipient.findMany({
      where: { notificationId: { in: notificationIds } },
      select: {
        notificationId: true,
        userId: true,
        notification: { select: { kind: true, workspaceId: true, workspace: { select: { timeZone: true } } } },
        user: { select: { timeZone: true, notificationPreference: { select: PREFERENCE_FIELDS } } },
      },
    });
    return rows.map((row) => ({
      notificationId: row.notificationId,
      userId: row.userId,
      kind: row.notification.kind,
      workspaceId: row.notification.workspaceId,
      timeZone: row.user.timeZone ?? row.notification.workspace.timeZone,
      choices: choicesOf(row.user.notificationPreference),
    }));
  }

  /** One recipient's notification, with what the e-mail needs; null when it is gone, or they left the workspace since. */
  async mailFor(notificationId: string, userId: string) {
    const row = await this.prisma.notificationRecipient.findUnique({
      where: { notificationId_userId: { notificationId, userId } },
      select: {
        workspaceId: true,
        user: { select: { email: true, notificationPreference: { select: PREFERENCE_FIELDS } } },
        notification: {
          select: {
            id: true,
            kind: true,
            params: true,
            subjectType: true,
            subjectId: true,
            createdAt: true,
            workspaceId: true,
            workspace: { select: { slug: true, name: true } },
          },
        },
      },
    });
    if (!row) return null;
    const member = await this.prisma.membership.count({ where: { workspaceId: row.workspaceId, userId } });
    return member > 0 ? row : null;
  }

  emailWanted(row: { user: { notificationPreference: PreferenceRow } }, kind: NotificationKind): boolean {
    return choicesOf(row.user.notificationPreference).emailKinds.includes(kind);
  }
}
