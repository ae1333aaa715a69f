import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { accessActor, auditJson, AuditService } from '../core/audit';
import type { WorkspaceAccess } from '../auth/auth-context';
import { APP_CONFIG, type AppConfig } from '../core/config';
import { hashToken, newSecretToken } from '../core/crypto';
import { PrismaService } from '../core/database';
import { AppError } from '../core/errors';
import { requestContext } from '../core/logging';
import { displayStateOf, type DisplayState } from '../posts/display-state';
import type { CalendarPostView } from './calendar-views';
import { CalendarRepository, type CalendarPost, type JointCampaigns } from './calendar.repository';
import type { CalendarQuery } from './calendar.schemas';
import { calendarDates } from './holidays';
import { renderICalendar } from './ical';
import { calendarRange, resolveZone, zonedFormatter, type FormattedInstant } from '../core/time';

const ICAL_PAST_DAYS = 60;
const ICAL_FUTURE_DAYS = 100;
const ICAL_PAGE = 1000;
/** A bound on one feed document: calendar apps time out on huge files. */
const ICAL_MAX_POSTS = 20_000;

const earliest = (a: Date, b: Date | null) => (b && b < a ? b : a);
const latest = (a: Date, b: Date | null) => (b && b > a ? b : a);

/**
 * A scheduled post under a held workspace or campaign shows as held in the feed: it will not
 * publish until resumed, even though its deliveries turn HELD only when their time comes.
 */
const heldInFeed = (state: DisplayState, held: boolean): DisplayState =>
  held && state === 'SCHEDULED' ? 'HELD' : state;
const FEED = { id: 'Langganan kalender', en: 'Calendar subscription' };
const KEY_DATE = { id: 'Tanggal penting', en: 'Key date' };

@Injectable()
export class CalendarService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly calendar: CalendarRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The calendar of a workspace in any zone: posts (own + joint campaigns'), dates and holds. */
  async view(access: WorkspaceAccess, query: CalendarQuery) {
    const zone = resolveZone(query.zone ?? access.timeZone);
    const range =
      query.from && query.to
        ? { from: new Date(query.from), to: new Date(query.to) }
        : calendarRange(query.view ?? 'week', query.anchor ?? DateTime.now().setZone(zone).toISODate()!, zone);
    const cursor = query.after
      ? { at: new Date(query.after.split('_')[0]!), id: query.after.split('_')[1]! }
      : undefined;
    const joint = await this.calendar.jointCampaigns(access.workspaceId);
    const [posts, workspace, heldCampaigns, keyDates] = await Promise.all([
      this.calendar.posts(access.workspaceId, joint, range, query, cursor),
      this.calendar.workspaceHold(access.workspaceId),
      this.calendar.heldCampaigns(access.workspaceId, joint.ids),
      this.calendar.keyDates(
        access.workspaceId,
        startOfLocalDay(range.from, zone),
        endOfLocalDayExclusive(range.to, zone),
      ),
    ]);
    const locale = requestContext.locale();
    const format = zonedFormatter(zone, locale);
    const last = posts[posts.length - 1];
    return {
      zone,
      from: range.from,
      to: range.to,
      posts: posts.map((post) => presentCalendarPost(post, access.workspaceId, format)),
      nextAfter: posts.length === query.limit && last ? `${last.scheduledAt!.toISOString()}_${last.id}` : null,
      dates: calendarDates({
        range: { from: localDate(range.from, zone), to: localDate(new Date(range.to.getTime() - 1), zone, 1) },
        keyDates,
      }).map((d) => ({ ...d, title: d.title[locale] })),
      holds: {
        workspace: workspace.heldAt
          ? { heldAt: workspace.heldAt, reason: workspace.holdReason, resumeAt: workspace.holdResumeAt }
          : null,
        campaigns: heldCampaigns,
      },
    };
  }

  async addKeyDate(
    access: WorkspaceAccess,
    input: { date: string; title: string; kind: 'STRIKE' | 'RALLY' | 'ANNIVERSARY' | 'OTHER' },
  ) {
    return this.prisma.$transaction(async (tx) => {
      const created = await this.calendar.createKeyDate(tx, access.workspaceId, {
        ...input,
        date: new Date(`${input.date}T00:00:00Z`),
      });
      await this.record(access, tx, 'key_date.created', created.id, input);
      return created;
    });
  }

  keyDates(access: WorkspaceAccess, from?: string, to?: string) {
    const today = DateTime.now().setZone(access.timeZone).startOf('day');
    const start = from ?? today.minus({ days: 30 }).toISODate()!;
    const end = to ?? today.plus({ years: 1 }).toISODate()!;
    return this.calendar.keyDates(access.workspaceId, new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
  }

  async deleteKeyDate(access: WorkspaceAccess, keyDateId: string) {
    await this.prisma.$transaction(async (tx) => {
      if ((await this.calendar.deleteKeyDate(tx, access.workspaceId, keyDateId)) === 0)
        throw AppError.notFound(KEY_DATE);
      await this.record(access, tx, 'key_date.deleted', keyDateId);
    });
  }

  /** A new secret subscription URL for me in this workspace; my previous one stops working. */
  async regenerateFeed(access: WorkspaceAccess) {
    const token = newSecretToken('cal_');
    await this.prisma.$transaction(async (tx) => {
      await this.calendar.revokeFeeds(tx, access.workspaceId, access.userId);
      const feed = await this.calendar.createFeed(tx, access.workspaceId, access.userId, hashToken(token));
      await this.record(access, tx, 'calendar_feed.created', feed.id);
    });
    return { url: `${this.config.PUBLIC_BASE_URL}/ical/${token}.ics` };
  }

  async revokeFeeds(access: WorkspaceAccess) {
    await this.prisma.$transaction(async (tx) => {
      if ((await this.calendar.revokeFeeds(tx, access.workspaceId, access.userId)) === 0) throw AppError.notFound(FEED);
      await this.record(access, tx, 'calendar_feed.revoked', access.userId);
    });
  }

  /** The iCal document behind a secret token, while the token lives and its user is still a member. */
  async icalFor(token: string): Promise<string> {
    const feed = await this.calendar.liveFeed(hashToken(token));
    if (!feed) throw AppError.notFound(FEED);
    const workspace = await this.calendar.workspaceHold(feed.workspaceId);
    const now = DateTime.utc();
    const joint = await this.calendar.jointCampaigns(feed.workspaceId);
    // The whole horizon of the campaigns (a campaign planned months ahead shows in full), and at
    // least a window around today for posts outside any campaign.
    const horizon = await this.calendar.campaignHorizon(feed.workspaceId, joint);
    const range = {
      from: earliest(now.minus({ days: ICAL_PAST_DAYS }).toJSDate(), horizon.from),
      to: latest(now.plus({ days: ICAL_FUTURE_DAYS }).toJSDate(), horizon.to && new Date(horizon.to.getTime() + 1)),
    };
    const posts = await this.allPosts(feed.workspaceId, joint, range);
    const keyDates = await this.calendar.keyDates(feed.workspaceId, range.from, range.to);
    const locale = (await this.calendar.userLocale(feed.userId)) === 'en' ? 'en' : 'id';
    return renderICalendar({
      name: `Gaung: ${workspace.name}`,
      zone: workspace.timeZone,
      generatedAt: now.toJSDate(),
      locale,
      uidDomain: new URL(this.config.PUBLIC_BASE_URL).hostname,
      posts: posts.map((post) => ({
        id: post.id,
        version: post.version,
        scheduledAt: post.scheduledAt,
        status: heldInFeed(
          displayStateOf(
            post.status,
            post.targets.map((t) => t.state),
          ),
          workspace.heldAt !== null || Boolean(post.campaign?.heldAt),
        ),
        campaignName: post.campaign?.name ?? null,
        text: post.baseText,
        platforms: post.targets.map((t) => `${t.account.platform} (${t.account.displayName})`),
      })),
      dates: calendarDates({
        range: { from: localDate(range.from, workspace.timeZone), to: localDate(range.to, workspace.timeZone) },
        keyDates,
      }),
    });
  }

  /** Every post in the range, a keyset page at a time (a long campaign has more than one page). */
  private async allPosts(workspaceId: string, joint: JointCampaigns, range: { from: Date; to: Date }) {
    const posts: CalendarPost[] = [];
    for (;;) {
      const last = posts.at(-1);
      const page = await this.calendar.posts(
        workspaceId,
        joint,
        range,
        { limit: ICAL_PAGE },
        last?.scheduledAt ? { at: last.scheduledAt, id: last.id } : undefined,
      );
      posts.push(...page);
      if (page.length < ICAL_PAGE || posts.length >= ICAL_MAX_POSTS) return posts;
    }
  }

  private record(
    access: WorkspaceAccess,
    tx: Parameters<AuditService['record']>[0],
    action: string,
    subjectId: string,
    summary: object = {},
  ) {
    return this.audit.record(tx, {
      workspaceId: access.workspaceId,
      actor: accessActor(access),
      action,
      subjectType: action.startsWith('key_date.') ? 'key_date' : 'calendar_feed',
      subjectId,
      summary: auditJson(summary),
    });
  }
}

function presentCalendarPost(
  post: CalendarPost,
  workspaceId: string,
  format: (instant: Date) => FormattedInstant,
): CalendarPostView {
  return {
    id: post.id,
    workspace: post.workspace,
    /** Partners' posts in a joint campaign are shown, never editable here. */
    readOnly: post.workspaceId !== workspaceId,
    campaign: post.campaign
      ? {
          id: post.campaign.id,
          name: post.campaign.name,
          color: post.campaign.color,
          held: post.campaign.heldAt !== null,
        }
      : null,
    author: post.author,
    status: post.status,
    displayState: displayStateOf(
      post.status,
      post.targets.map((t) => t.state),
    ),
    version: post.version,
    scheduledAt: post.scheduledAt,
    scheduleZone: post.scheduleZone,
    local: format(post.scheduledAt!),
    excerpt: post.baseText.slice(0, 140),
    targets: post.targets.map((t) => ({
      id: t.id,
      state: t.state,
      platform: t.account.platform,
      accountName: t.account.displayName,
    })),
  };
}

const localDate = (instant: Date, zone: string, plusDays = 0) =>
  DateTime.fromJSDate(instant, { zone }).plus({ days: plusDays }).toISODate()!;
const startOfLocalDay = (instant: Date, zone: string) => new Date(`${localDate(instant, zone)}T00:00:00Z`);
const endOfLocalDayExclusive = (instant: Date, zone: string) =>
  new Date(`${localDate(new Date(instant.getTime() - 1), zone, 1)}T00:00:00Z`);
