import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NotificationKind, NotificationSubject, Prisma, Role, Tx } from '../core/database';
import { MAINTENANCE_QUEUE } from '../core/queue';
import { type NotificationParams, postLabel } from './catalog';
import { MailChannel } from './mail-channel';
import { CardMessages } from './telegram/card-messages';
import { TelegramChannel } from './telegram/telegram-channel';
import { type Audience, NotificationsRepository } from './notifications.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';

export const WEBHOOK_DELIVERY_JOB = 'webhook-delivery';

export interface WebhookDeliveryJobData {
  notificationId: string;
  endpointId: string;
}

const COORDINATORS: Role[] = ['COORDINATOR', 'ADMIN', 'OWNER'];
const ADMINS: Role[] = ['ADMIN', 'OWNER'];
const EVERYONE: Role[] = ['VIEWER', 'EDITOR', 'COORDINATOR', 'ADMIN', 'OWNER'];

type DeliveryKind = 'TARGET_FAILED' | 'TARGET_UNCONFIRMED' | 'TARGET_EXPIRED' | 'TARGET_PUBLISHED_LATE';
type ReviewKind = 'POST_SUBMITTED' | 'POST_CHANGES_REQUESTED' | 'POST_APPROVED';
/** What the engine knows; the notifier adds the post's name. */
type DeliveryParams<K extends DeliveryKind> = Omit<NotificationParams[K], 'post'>;

/**
 * What the publishing engine and account checks tell people (architecture.md, "Where things live":
 * features call notifications, never the other way). Each call writes in the caller's transaction
 * and returns the notification ids to `dispatch` after commit.
 */
export abstract class DeliveryNotices {
  abstract delivery<K extends DeliveryKind>(
    tx: Tx,
    workspaceId: string,
    targetId: string,
    kind: K,
    params: DeliveryParams<K>,
  ): Promise<string[]>;
  abstract notApprovedInTime(tx: Tx, workspaceId: string, postId: string): Promise<string[]>;
  /** A post in review whose time is within the hour: the coordinators, once per version (the sweeper decides). */
  abstract approvalDueSoon(tx: Tx, workspaceId: string, postId: string): Promise<string[]>;
  abstract accountNeedsReconnect(tx: Tx, workspaceId: string, accountId: string, reason: string): Promise<string[]>;
  /** A hold lifted by itself at its planned time (the campaign's, or the workspace's when campaignId is null). */
  abstract holdLifted(tx: Tx, workspaceId: string, campaignId: string | null): Promise<string[]>;
  /** After commit: webhooks and e-mails for what the calls above wrote. */
  abstract dispatch(notificationIds: string[]): Promise<void>;
}

/**
 * The one writer of notifications: a code, its parameters and a typed subject, with the people
 * who are told (never the person who acted). Rows are written in the transaction of the change
 * that causes them; outgoing webhooks are queued after that transaction commits, never inside it.
 */
@Injectable()
export class Notifier implements DeliveryNotices {
  private readonly logger = new Logger(Notifier.name);

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    @InjectQueue(MAINTENANCE_QUEUE) private readonly queue: Queue<WebhookDeliveryJobData>,
    private readonly mail: MailChannel,
    private readonly telegram: TelegramChannel,
    private readonly telegramCards: CardMessages,
  ) {}

  async record<K extends NotificationKind>(
    tx: Tx,
    input: {
      workspaceId: string;
      kind: K;
      subject: { type: NotificationSubject; id: string };
      targetId?: string;
      params: NotificationParams[K];
      audiences: Audience[];
      actorId?: string | null;
    },
  ): Promise<string> {
    const userIds = await this.repository.recipients(tx, input.workspaceId, input.audiences, input.actorId ?? null);
    const params = JSON.parse(JSON.stringify(input.params)) as Prisma.InputJsonObject;
    return this.repository.insert(
      tx,
      {
        workspaceId: input.workspaceId,
        kind: input.kind,
        subjectType: input.subject.type,
        subjectId: input.subject.id,
        targetId: input.targetId ?? null,
        params,
      },
      userIds,
    );
  }

  /** A delivery went wrong or late: the post's author and the coordinators. */
  async delivery<K extends DeliveryKind>(
    tx: Tx,
    workspaceId: string,
    targetId: string,
    kind: K,
    params: DeliveryParams<K>,
  ): Promise<string[]> {
    const target = await this.repository.targetPost(tx, workspaceId, targetId);
    const post = target && (await this.repository.postPeople(tx, workspaceId, target.postId));
    const audiences: Audience[] = [{ roles: COORDINATORS }, { userIds: post ? [post.authorId] : [] }];
    const full = { ...params, post: post ? postLabel(post) : '-' } as NotificationParams[K];
    return [
      await this.record(tx, {
        workspaceId,
        kind,
        subject: { type: 'POST', id: target?.postId ?? targetId },
        targetId,
        params: full,
        audiences,
      }),
    ];
  }

  async notApprovedInTime(tx: Tx, workspaceId: string, postId: string): Promise<string[]> {
    const post = await this.repository.postPeople(tx, workspaceId, postId);
    const params = { post: post ? postLabel(post) : '-', scheduledAt: post?.scheduledAt?.toISOString() ?? null };
    const audiences: Audience[] = [{ roles: COORDINATORS }, { userIds: post ? [post.authorId] : [] }];
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'POST_NOT_APPROVED_IN_TIME',
        subject: { type: 'POST', id: postId },
        params,
        audiences,
      }),
    ];
  }

  async approvalDueSoon(tx: Tx, workspaceId: string, postId: string): Promise<string[]> {
    const post = await this.repository.postPeople(tx, workspaceId, postId);
    if (!post) return [];
    const params = { post: postLabel(post), scheduledAt: post.scheduledAt?.toISOString() ?? null };
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'POST_APPROVAL_DUE_SOON',
        subject: { type: 'POST', id: postId },
        params,
        audiences: [{ roles: COORDINATORS }],
      }),
    ];
  }

  /** A rapid-response statement waits for release: the coordinators (urgent: no quiet hours, no digest), never its writer. */
  async statementAwaitingRelease(
    tx: Tx,
    workspaceId: string,
    actorId: string,
    postId: string,
    targets: number,
  ): Promise<string[]> {
    const post = await this.repository.postPeople(tx, workspaceId, postId);
    if (!post) return [];
    const params = { actor: await this.repository.userName(tx, actorId), post: postLabel(post), targets };
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'STATEMENT_AWAITING_RELEASE',
        subject: { type: 'POST', id: postId },
        params,
        audiences: [{ roles: COORDINATORS }],
        actorId,
      }),
    ];
  }

  /** The admins, who can reconnect it. */
  async accountNeedsReconnect(tx: Tx, workspaceId: string, accountId: string, reason: string): Promise<string[]> {
    const params = {
      account: await this.repository.accountName(tx, workspaceId, accountId),
      reason: reason.slice(0, 500),
    };
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'ACCOUNT_NEEDS_RECONNECT',
        subject: { type: 'ACCOUNT', id: accountId },
        params,
        audiences: [{ roles: ADMINS }],
      }),
    ];
  }

  /** Submitted (coordinators), changes requested or approved (the author and earlier commenters). */
  async reviewed(
    tx: Tx,
    workspaceId: string,
    actorId: string,
    postId: string,
    kind: ReviewKind,
    comment = '',
  ): Promise<string[]> {
    const post = await this.repository.postPeople(tx, workspaceId, postId);
    if (!post) return [];
    const base = { actor: await this.repository.userName(tx, actorId), post: postLabel(post) };
    const subject = { type: 'POST' as const, id: postId };
    const people: Audience = { userIds: [post.authorId, ...post.commenters] };
    if (kind === 'POST_SUBMITTED')
      return [
        await this.record(tx, {
          workspaceId,
          kind,
          subject,
          params: base,
          audiences: [{ roles: COORDINATORS }],
          actorId,
        }),
      ];
    if (kind === 'POST_APPROVED')
      return [await this.record(tx, { workspaceId, kind, subject, params: base, audiences: [people], actorId })];
    return [
      await this.record(tx, {
        workspaceId,
        kind,
        subject,
        params: { ...base, comment: comment.slice(0, 300) },
        audiences: [people],
        actorId,
      }),
    ];
  }

  /** The author and everyone who commented before; the actor (whose comment may already be written) is left out. */
  async commented(tx: Tx, workspaceId: string, actorId: string, postId: string, comment: string): Promise<string[]> {
    const post = await this.repository.postPeople(tx, workspaceId, postId);
    if (!post) return [];
    const params = {
      actor: await this.repository.userName(tx, actorId),
      post: postLabel(post),
      comment: comment.slice(0, 300),
    };
    const audiences: Audience[] = [{ userIds: [post.authorId, ...post.commenters] }];
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'POST_COMMENTED',
        subject: { type: 'POST', id: postId },
        params,
        audiences,
        actorId,
      }),
    ];
  }

  async holdLifted(tx: Tx, workspaceId: string, campaignId: string | null): Promise<string[]> {
    return campaignId
      ? this.campaignHold(tx, workspaceId, null, campaignId, null)
      : this.workspaceHold(tx, workspaceId, null, null);
  }

  /** A workspace hold or resume (actorId null: lifted at its planned time): every member. */
  async workspaceHold(
    tx: Tx,
    workspaceId: string,
    actorId: string | null,
    hold: { reason: string; resumeAt: string | null } | null,
  ): Promise<string[]> {
    const actor = await this.repository.userName(tx, actorId);
    const subject = { type: 'WORKSPACE' as const, id: workspaceId };
    const audiences = [{ roles: EVERYONE }];
    if (hold)
      return [
        await this.record(tx, {
          workspaceId,
          kind: 'WORKSPACE_HELD',
          subject,
          params: { actor, ...hold },
          audiences,
          actorId,
        }),
      ];
    return [
      await this.record(tx, {
        workspaceId,
        kind: 'WORKSPACE_RESUMED',
        subject,
        params: { actor: actorId ? actor : null },
        audiences,
        actorId,
      }),
    ];
  }

  /** A campaign hold or resume: every member, and each partner workspace's members in their own workspace. */
  async campaignHold(
    tx: Tx,
    workspaceId: string,
    actorId: string | null,
    campaignId: string,
    hold: { reason: string; resumeAt: string | null } | null,
  ): Promise<string[]> {
    const campaign = await this.repository.campaign(tx, workspaceId, campaignId);
    if (!campaign) return [];
    const actor = await this.repository.userName(tx, actorId);
    const subject = { type: 'CAMPAIGN' as const, id: campaignId };
    const ids: string[] = [];
    for (const inWorkspace of [workspaceId, ...campaign.partners.map((p) => p.workspaceId)]) {
      const common = { workspaceId: inWorkspace, subject, audiences: [{ roles: EVERYONE }], actorId };
      ids.push(
        hold
          ? await this.record(tx, {
              ...common,
              kind: 'CAMPAIGN_HELD',
              params: { actor, campaign: campaign.name, ...hold },
            })
          : await this.record(tx, {
              ...common,
              kind: 'CAMPAIGN_RESUMED',
              params: { actor: actorId ? actor : null, campaign: campaign.name },
            }),
      );
    }
    return ids;
  }

  /** An invitation to a joint campaign: the invited workspace's coordinators and admins, in that workspace. */
  async partnerInvited(
    tx: Tx,
    fromWorkspaceId: string,
    partnerWorkspaceId: string,
    campaignId: string,
  ): Promise<string[]> {
    const campaign = await this.repository.campaign(tx, fromWorkspaceId, campaignId);
    const params = {
      workspace: await this.repository.workspaceName(tx, fromWorkspaceId),
      campaign: campaign?.name ?? '-',
    };
    return [
      await this.record(tx, {
        workspaceId: partnerWorkspaceId,
        kind: 'PARTNER_INVITED',
        subject: { type: 'CAMPAIGN', id: campaignId },
        params,
        audiences: [{ roles: COORDINATORS }],
      }),
    ];
  }

  /**
   * Queues one signed delivery per active endpoint subscribed to each notification's kind, one
   * e-mail (MailChannel) and one Telegram message (TelegramChannel) per recipient who wants it, and
   * for an approval the edit of the other people's Telegram cards (CardMessages). Runs after the change committed: a failure
   * here (Redis away) is logged and never fails the change.
   */
  async dispatch(notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const steps = [
      { what: 'notification webhooks not queued', run: () => this.queueDeliveries(notificationIds) },
      { what: 'notification e-mails not queued', run: () => this.mail.queue(notificationIds) },
      { what: 'notification Telegram messages not queued', run: () => this.telegram.queue(notificationIds) },
      {
        what: 'Telegram cards of an approved post not queued for editing',
        run: () => this.telegramCards.queueSettle(notificationIds),
      },
    ];
    for (const step of steps) {
      try {
        await step.run();
      } catch (error) {
        this.logger.warn({
          msg: step.what,
          notificationIds,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private async queueDeliveries(notificationIds: string[]): Promise<void> {
    for (const notification of await this.repository.kinds(notificationIds)) {
      const endpoints = await this.endpoints.subscribedTo(notification.workspaceId, notification.kind);
      if (endpoints.length === 0) continue;
      await this.queue.addBulk(
        endpoints.map((endpoint) => ({
          name: WEBHOOK_DELIVERY_JOB,
          data: { notificationId: notification.id, endpointId: endpoint.id },
          opts: {
            jobId: `wh-${notification.id}-${endpoint.id}`,
            attempts: 8,
            backoff: { type: 'exponential', delay: 2_000 },
            removeOnComplete: true,
            removeOnFail: 1000,
          },
        })),
      );
    }
  }
}
