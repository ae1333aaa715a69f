import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { Mailer } from '../core/mail';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { DigestChannel } from './digest-channel';
import { notificationMail } from './mail-content';
import { NotificationsRepository } from './notifications.repository';
import { goesToDigest, sendAfter } from './preferences';
import { PreferencesRepository } from './preferences.repository';

export const NOTIFICATION_MAIL_JOB = 'notification-mail';

/** Ids only: the job reads the notification, the person's address, language and choices when it runs. */
export interface NotificationMailJobData {
  notificationId: string;
  userId: string;
}

/**
 * The e-mail channel: one queued job per recipient who wants this kind by e-mail, delayed to the
 * end of their quiet hours (a hold or a failure is not). Each job retries on its own, so a send
 * that fails for one person never holds back the others, nor the change (queued after commit).
 */
@Injectable()
export class MailChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly jobs: Queue<NotificationMailJobData>,
    private readonly preferences: PreferencesRepository,
    private readonly notifications: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly digest: DigestChannel,
  ) {}

  async queue(notificationIds: string[], now = new Date()): Promise<void> {
    const chosen = (await this.preferences.recipientsWithChoices(notificationIds)).filter((r) =>
      r.choices.emailKinds.includes(r.kind),
    );
    // A daily digest takes the non-urgent kinds of whoever chose one (a hold or failure goes now).
    await this.digest.queue(
      chosen.flatMap((r) => (goesToDigest(r.kind, r.choices) ? [{ ...r, digestHour: r.choices.digestHour! }] : [])),
      now,
    );
    const wanted = chosen.filter((r) => !goesToDigest(r.kind, r.choices));
    if (wanted.length === 0) return;
    await this.jobs.addBulk(
      wanted.map((r) => ({
        name: NOTIFICATION_MAIL_JOB,
        data: { notificationId: r.notificationId, userId: r.userId },
        opts: {
          jobId: `mail-${r.notificationId}-${r.userId}`,
          delay: Math.max(0, sendAfter(r.kind, r.choices, r.timeZone, now).getTime() - now.getTime()),
          attempts: 6,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
  }

  /** Sends one e-mail; throws when it cannot go out, so BullMQ retries it. Read again at send time: a choice turned off since is kept. */
  async send({ notificationId, userId }: NotificationMailJobData): Promise<void> {
    const row = await this.preferences.mailFor(notificationId, userId);
    if (!row || !this.preferences.emailWanted(row, row.notification.kind)) return;
    const reader = await this.notifications.reader(row.notification.workspaceId, userId);
    const mail = notificationMail(row.notification, reader, this.config.PUBLIC_BASE_URL);
    await this.mailer.deliver({ to: row.user.email, ...mail });
  }
}
