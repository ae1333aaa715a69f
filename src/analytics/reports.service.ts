import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { WorkspaceAccess } from '../auth/auth-context';
import { postingSlotsSchema, type PostingSlot } from '../calendar/posting-slots';
import { AppError } from '../core/errors';
import { METRIC_NAMES } from '../publishers';
import { ANALYTICS_TEXT } from './analytics.messages';
import type { ReportQuery } from './analytics.schemas';
import { bestTime } from './best-time';
import { csvLine } from './csv';
import { hashtagsOf, keyMessagesOf, type Totals } from './report-figures';
import { type DeliveryRow, ReportRowsRepository } from './report-rows.repository';
import { ReportTotalsRepository } from './report-totals.repository';
import { SnapshotScheduler } from './snapshot-scheduler';

const DEFAULT_DAYS = 30;
/** Best time reads this much history: enough for a pattern, recent enough to still hold. */
const BEST_TIME_DAYS = 180;

interface Subject {
  kind: 'campaign' | 'account';
  id: string;
  name: string;
  keyMessages: string[];
  scope: { campaignId?: string; accountId?: string };
  defaultPeriod?: { from: Date; to: Date };
  /** A campaign's own start: the previous campaign is the one that ended before it. */
  startsAt?: Date;
}

type CsvPart = 'period' | 'previous_period' | 'previous_campaign';

/** Reports per campaign and per account, best time per account, and each delivery's series (docs/analytics.md). */
@Injectable()
export class ReportsService {
  constructor(
    private readonly repository: ReportRowsRepository,
    private readonly totals: ReportTotalsRepository,
    private readonly scheduler: SnapshotScheduler,
  ) {}

  async report(access: WorkspaceAccess, kind: Subject['kind'], id: string, query: ReportQuery) {
    const subject = await this.subject(access, kind, id);
    const zone = query.zone ?? access.timeZone;
    const { from, to } = this.period(subject, query, zone);
    const previousFrom = previousPeriodStart(from, to);
    // Aggregated in Postgres: the rows themselves are read only for the CSV.
    const { previousTotals, ...figures } = await this.totals.figures(
      access.workspaceId,
      subject.scope,
      { previousFrom, from, to },
      subject.keyMessages,
    );
    return {
      subject: { kind, id: subject.id, name: subject.name },
      period: { from: from.toISOString(), to: to.toISOString(), zone },
      previousPeriod: { from: previousFrom.toISOString(), to: from.toISOString(), zone },
      ...figures,
      previousTotals,
      engagementChange: change(figures.totals.engagement, previousTotals.engagement),
      previousCampaign: await this.comparedWithPreviousCampaign(access.workspaceId, subject, zone, figures.totals),
    };
  }

  /** The previous campaign's totals over its own dates, and this report's change against them. */
  private async comparedWithPreviousCampaign(workspaceId: string, subject: Subject, zone: string, current: Totals) {
    const previous = await this.previousCampaign(workspaceId, subject);
    if (!previous) return null;
    const totals = await this.totals.totals(workspaceId, { campaignId: previous.id }, previous.from, previous.to);
    return {
      id: previous.id,
      name: previous.name,
      period: { from: previous.from.toISOString(), to: previous.to.toISOString(), zone },
      totals,
      engagementChange: change(current.engagement, totals.engagement),
      engagementPerPostChange: change(current.engagementPerPost, totals.engagementPerPost),
    };
  }

  /**
   * The rows behind every figure of the same report, one delivery a line, times in the report's zone;
   * `part` says which set a row belongs to: the period, the period before, or the previous campaign.
   */
  async csv(access: WorkspaceAccess, kind: Subject['kind'], id: string, query: ReportQuery): Promise<string> {
    const subject = await this.subject(access, kind, id);
    const zone = query.zone ?? access.timeZone;
    const { from, to } = this.period(subject, query, zone);
    const previous = await this.previousCampaign(access.workspaceId, subject);
    const parts: Array<[CsvPart, DeliveryRow[]]> = [
      ['period', await this.repository.rows(access.workspaceId, subject.scope, from, to)],
      [
        'previous_period',
        await this.repository.rows(access.workspaceId, subject.scope, previousPeriodStart(from, to), from),
      ],
    ];
    if (previous)
      parts.push([
        'previous_campaign',
        await this.repository.rows(access.workspaceId, { campaignId: previous.id }, previous.from, previous.to),
      ]);
    const header = [
      'part',
      'target_id',
      'post_id',
      'platform',
      'account',
      `published_at (${zone})`,
      'late_seconds',
      'metric_state',
      'engagement',
      'reach',
      ...METRIC_NAMES,
      'hashtags',
      'key_messages',
      'url',
      'text',
    ];
    const lines = parts.flatMap(([part, rows]) =>
      rows.map((row) => csvLine([part, ...this.csvValues(row, zone, subject.keyMessages)])),
    );
    return [csvLine(header), ...lines].join('');
  }

  async bestTime(access: WorkspaceAccess, accountId: string) {
    const account = await this.repository.account(access.workspaceId, accountId);
    if (!account) throw AppError.notFound(ANALYTICS_TEXT.account);
    const since = new Date(Date.now() - BEST_TIME_DAYS * 86_400_000);
    const posts = await this.repository.engagedPosts(access.workspaceId, accountId, since);
    // Posting slots are kept in the workspace's zone, so the hours are read in it too.
    const result = bestTime(posts, access.timeZone);
    const current = postingSlotsSchema.safeParse(account.postingSlots);
    return {
      accountId,
      ...result,
      postingSlotsWithSuggestions: mergeSlots(
        current.success ? current.data : [],
        result.suggestions.map((s) => s.slot),
      ),
    };
  }

  async series(access: WorkspaceAccess, targetId: string) {
    const target = await this.repository.series(access.workspaceId, targetId);
    if (!target) throw AppError.notFound(ANALYTICS_TEXT.delivery);
    return {
      targetId: target.id,
      platform: target.account.platform,
      publishedAt: target.publishedAt?.toISOString() ?? null,
      snapshots: target.metricSnapshots.map(snapshotView),
    };
  }

  /** Every delivery of a post with its counts over time (the post page shows them per delivery). */
  async postSeries(access: WorkspaceAccess, postId: string) {
    const post = await this.repository.postSeries(access.workspaceId, postId);
    if (!post) throw AppError.notFound(ANALYTICS_TEXT.post);
    return {
      postId: post.id,
      deliveries: post.targets.map((target) => ({
        targetId: target.id,
        platform: target.account.platform,
        accountName: target.account.displayName,
        state: target.state,
        publishedAt: target.publishedAt?.toISOString() ?? null,
        snapshots: target.metricSnapshots.map(snapshotView),
      })),
    };
  }

  /** Asks for a snapshot now; at most one per delivery per minute reaches the platform, within its budget. */
  async snapshotNow(access: WorkspaceAccess, targetId: string): Promise<void> {
    const target = await this.repository.series(access.workspaceId, targetId);
    if (!target) throw AppError.notFound(ANALYTICS_TEXT.delivery);
    if (target.state !== 'PUBLISHED') throw AppError.conflict('analytics.not_published', ANALYTICS_TEXT.notPublished);
    await this.scheduler.onDemand(targetId);
  }

  private async subject(access: WorkspaceAccess, kind: Subject['kind'], id: string): Promise<Subject> {
    if (kind === 'campaign') {
      const campaign = await this.repository.campaign(access.workspaceId, id);
      if (!campaign) throw AppError.notFound(ANALYTICS_TEXT.campaign);
      const defaultPeriod =
        campaign.startsAt && campaign.endsAt ? { from: campaign.startsAt, to: campaign.endsAt } : undefined;
      return {
        kind,
        id,
        name: campaign.name,
        keyMessages: campaign.keyMessages,
        scope: { campaignId: id },
        defaultPeriod,
        startsAt: campaign.startsAt ?? undefined,
      };
    }
    const account = await this.repository.account(access.workspaceId, id);
    if (!account) throw AppError.notFound(ANALYTICS_TEXT.account);
    return { kind, id, name: account.displayName, keyMessages: [], scope: { accountId: id } };
  }

  /** A campaign's previous one (docs/analytics.md), over its own dates; never for an account or an undated campaign. */
  private async previousCampaign(
    workspaceId: string,
    subject: Subject,
  ): Promise<{ id: string; name: string; from: Date; to: Date } | null> {
    if (subject.kind !== 'campaign' || !subject.startsAt) return null;
    const found = await this.repository.previousCampaign(workspaceId, subject.id, subject.startsAt);
    return found?.startsAt && found.endsAt
      ? { id: found.id, name: found.name, from: found.startsAt, to: found.endsAt }
      : null;
  }

  /** The asked period; else the campaign's own dates; else the last 30 days up to tomorrow's start in the zone. */
  private period(subject: Subject, query: ReportQuery, zone: string): { from: Date; to: Date } {
    if (query.from && query.to) return { from: new Date(query.from), to: new Date(query.to) };
    if (subject.defaultPeriod) return subject.defaultPeriod;
    const end = DateTime.now().setZone(zone).startOf('day').plus({ days: 1 });
    return { from: end.minus({ days: DEFAULT_DAYS }).toJSDate(), to: end.toJSDate() };
  }

  private csvValues(row: DeliveryRow, zone: string, keyMessages: string[]): Array<string | number | null> {
    return [
      row.targetId,
      row.postId,
      row.platform,
      row.accountName,
      DateTime.fromJSDate(row.publishedAt, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
      row.lateSeconds,
      row.metricState ?? 'PENDING',
      row.engagement,
      row.reach,
      ...METRIC_NAMES.map((name) => row.counts[name] ?? null),
      hashtagsOf(row.text).join(' '),
      keyMessagesOf(row.text, keyMessages).join(' | '),
      row.url,
      row.text,
    ];
  }
}

function snapshotView<T extends { takenAt: Date; counts: unknown }>(snapshot: T) {
  return { ...snapshot, takenAt: snapshot.takenAt.toISOString(), counts: snapshot.counts as Record<string, number> };
}

/** The period of the same length just before [from, to). */
function previousPeriodStart(from: Date, to: Date): Date {
  return new Date(from.getTime() - (to.getTime() - from.getTime()));
}

/** `current` over `previous`, minus 1, to three decimals; null when the previous is 0 or unknown. */
function change(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous <= 0) return null;
  return Math.round((current / previous - 1) * 1000) / 1000;
}

function mergeSlots(current: PostingSlot[], added: PostingSlot[]): PostingSlot[] {
  const seen = new Set(current.map((slot) => `${slot.weekday} ${slot.time}`));
  return [...current, ...added.filter((slot) => !seen.has(`${slot.weekday} ${slot.time}`))];
}
