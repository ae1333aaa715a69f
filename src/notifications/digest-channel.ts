import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { DEFAULT_LOCALE, isLocale } from '../core/i18n';
import { Mailer } from '../core/mail';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { digestMail } from './digest-content';
import { DigestRepository } from './digest.repository';
import { nextDigestAt } from './preferences';
import { choicesOf } from './preferences.repository';

export const NOTIFICATION_DIGEST_JOB = 'notification-digest';

/** Ids only: the job reads what is due for that person when it runs. */
export interface NotificationDigestJobData {
  userId: string;
}

/**
 * The daily digest (docs/notifications.md, "Daily digest"): a non-urgent e-mail of someone who chose
 * a digest hour waits on its recipient row; one job per person and digest time (its id names both,
 * so many notifications queue one job) sends them all in one e-mail. Urgent kinds never come here.
 */
@Injectable()
export class DigestChannel {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly jobs: Queue<NotificationDigestJobData>,
    private readonly digests: DigestRepository,
    private readonly mailer: Mailer,
  ) {}

  async queue(
    entries: Array<{ notificationId: string; userId: string; digestHour: number; timeZone: string }>,
    now = new Date(),
  ): Promise<void> {
    if (entries.length === 0) return;
    const due = entries.map((e) => ({ ...e, dueAt: nextDigestAt(e.digestHour, e.timeZone, now) }));
    await this.digests.markPending(due);
    const jobs = new Map(due.map((e) => [`digest-${e.userId}-${e.dueAt.getTime()}`, e]));
    await this.jobs.addBulk(
      [...jobs].map(([jobId, e]) => ({
        name: NOTIFICATION_DIGEST_JOB,
        data: { userId: e.userId },
        opts: {
          jobId,
          delay: Math.max(0, e.dueAt.getTime() - now.getTime()),
          attempts: 6,
          backoff: { type: 'exponential', delay: 1_000 },
          removeOnComplete: true,
          removeOnFail: 1000,
        },
      })),
    );
  }

  /**
   * Sends one person's digest of everything due by `now` (also what an earlier, lost job left),
   * then stamps it sent; throws when it cannot go out, so BullMQ retries. Kinds turned off since
   * and workspaces left since are dropped. Returns how many items the e-mail listed.
   */
  async send({ userId }: NotificationDigestJobData, now = new Date()): Promise<number> {
    const due = await this.digests.due(userId, now);
    if (!due || due.rows.length === 0) return 0;
    const choices = choicesOf(due.user.notificationPreference);
    const memberOf = new Set(due.user.memberships.map((m) => m.workspaceId));
    const items = due.rows.filter(
      (r) => memberOf.has(r.workspaceId) && choices.emailKinds.includes(r.notification.kind),
    );
    if (items.length > 0) {
      const reader = {
        locale: isLocale(due.user.locale) ? due.user.locale : DEFAULT_LOCALE,
        timeZone: due.user.timeZone ?? items[0]!.notification.workspace.timeZone,
      };
      await this.mailer.deliver({
        to: due.user.email,
        ...digestMail(
          items.map((r) => r.notification),
          reader,
          this.config.PUBLIC_BASE_URL,
        ),
      });
    }
    await this.digests.markSent(
      due.rows.map((r) => r.id),
      now,
    );
    return items.length;
  }
}
