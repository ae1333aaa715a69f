import { postingSlotSchema } from '../calendar/posting-slots';
import { z } from 'zod';
import { MetricStage, MetricState } from '../core/database';
import { isIanaZone, zInstant } from '../core/http';
import { inputMessage } from '../core/i18n';

/** The longest period one report covers. */
export const MAX_REPORT_DAYS = 400;

export const reportQuerySchema = z
  .object({
    from: zInstant.optional(),
    to: zInstant.optional(),
    /** The zone the period and the CSV's times are read in; defaults to the workspace's. */
    zone: z
      .string()
      .max(64)
      .refine(
        isIanaZone,
        inputMessage({
          id: 'Zona waktu IANA tidak dikenal, mis. Asia/Jakarta',
          en: 'Unknown IANA time zone, e.g. Asia/Jakarta',
        }),
      )
      .optional(),
  })
  .strict()
  .refine((q) => (q.from && q.to) || (!q.from && !q.to), {
    message: inputMessage({ id: 'from dan to diisi bersama', en: 'Give from and to together' }),
    path: ['to'],
  })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) > Date.parse(q.from), {
    message: inputMessage({ id: 'to harus setelah from', en: 'to must be after from' }),
    path: ['to'],
  })
  .refine((q) => !(q.from && q.to) || Date.parse(q.to) - Date.parse(q.from) <= MAX_REPORT_DAYS * 86_400_000, {
    message: inputMessage({ id: `Paling lama ${MAX_REPORT_DAYS} hari`, en: `At most ${MAX_REPORT_DAYS} days` }),
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const totals = z
  .object({
    deliveries: z.number().int(),
    posts: z.number().int(),
    withCounts: z.number().int(),
    notAvailable: z.number().int(),
    deleted: z.number().int(),
    pending: z.number().int(),
    engagement: z.number().int(),
    engagementPerPost: z.number().nullable(),
    reach: z.number().int().nullable(),
    onTime: z.number().int(),
    late: z.number().int(),
  })
  .meta({ id: 'AnalyticsTotals' });
const group = totals.extend({ key: z.string() }).meta({ id: 'AnalyticsGroup' });
const ranked = z
  .object({
    targetId: z.string(),
    postId: z.string(),
    platform: z.string(),
    accountName: z.string(),
    publishedAt: z.string(),
    engagement: z.number().int(),
    url: z.string().nullable(),
    text: z.string(),
  })
  .meta({ id: 'RankedPost' });
const period = z.object({ from: z.string(), to: z.string(), zone: z.string() }).meta({ id: 'AnalyticsPeriod' });

export const reportResponseSchema = z
  .object({
    subject: z.object({ kind: z.enum(['campaign', 'account']), id: z.string(), name: z.string() }),
    period,
    previousPeriod: period,
    totals,
    previousTotals: totals,
    /** Engagement this period over the previous one, minus 1; null when the previous had none. */
    engagementChange: z.number().nullable(),
    /**
     * A campaign's previous campaign in this workspace (the one that ended most recently before this
     * one started), over its own dates, with the change against it; null for an account or when none.
     */
    previousCampaign: z
      .object({
        id: z.string(),
        name: z.string(),
        period,
        totals,
        /** Engagement of this report over the previous campaign's, minus 1; null when that had none. */
        engagementChange: z.number().nullable(),
        /** The same for engagement per post (fairer between campaigns of different sizes). */
        engagementPerPostChange: z.number().nullable(),
      })
      .nullable()
      .meta({ id: 'PreviousCampaignComparison' }),
    byPlatform: z.array(group),
    byHashtag: z.array(group),
    byKeyMessage: z.array(group),
    top: z.array(ranked),
    bottom: z.array(ranked),
  })
  .meta({ id: 'AnalyticsReport' });

const words = z.object({ id: z.string(), en: z.string() });
const hourFigure = z
  .object({
    weekday: z.number().int(),
    hour: z.number().int(),
    posts: z.number().int(),
    estimate: z.number(),
    ratio: z.number(),
    rank: z.number().int(),
  })
  .meta({ id: 'HourFigure' });
const slot = postingSlotSchema;

export const bestTimeResponseSchema = z
  .object({
    accountId: z.string(),
    zone: z.string(),
    posts: z.number().int(),
    accountMean: z.number(),
    enoughHistory: z.boolean(),
    summary: words,
    hours: z.array(hourFigure),
    suggestions: z.array(hourFigure.extend({ slot, words })),
    /** The account's posting slots with the suggestions added: PATCH them to the account in one action. */
    postingSlotsWithSuggestions: z.array(slot),
  })
  .meta({ id: 'BestTime' });

const snapshot = z
  .object({
    stage: z.enum(MetricStage),
    takenAt: z.string(),
    /** NOT_AVAILABLE (the platform gives nothing) and DELETED (the remote post is gone) are never counts of 0. */
    state: z.enum(MetricState),
    counts: z.record(z.string(), z.number()),
    engagement: z.number().int().nullable(),
    reach: z.number().int().nullable(),
    errorCode: z.string().nullable(),
  })
  .meta({ id: 'MetricSnapshot' });

export const seriesResponseSchema = z
  .object({
    targetId: z.string(),
    platform: z.string(),
    publishedAt: z.string().nullable(),
    snapshots: z.array(snapshot),
  })
  .meta({ id: 'MetricSeries' });

export const postSeriesResponseSchema = z
  .object({
    postId: z.string(),
    /** Every delivery of the post (published or not), each with its snapshots oldest first; none before publishing. */
    deliveries: z.array(
      z
        .object({
          targetId: z.string(),
          platform: z.string(),
          accountName: z.string(),
          state: z.string(),
          publishedAt: z.string().nullable(),
          snapshots: z.array(snapshot),
        })
        .meta({ id: 'DeliverySeries' }),
    ),
  })
  .meta({ id: 'PostMetricSeries' });

export const snapshotQueuedSchema = z.object({ queued: z.literal(true) }).meta({ id: 'SnapshotQueued' });
