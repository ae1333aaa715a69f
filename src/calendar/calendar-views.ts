import { z } from 'zod';
import { KeyDateKind } from '../core/database';
import { zDeliveryState, zKeyDateKind, zPlatform, zPostStatus, zTimestamp } from '../core/http';
import { zDisplayState } from '../posts/display-state';
import { workspaceRefView } from '../workspaces/workspace-views';

/** An instant shown in the calendar's zone, for people. */
export const localTimeView = z
  .object({
    iso: z.string().meta({ description: "ISO 8601 with the zone's offset, e.g. 2027-05-01T09:00:00.000+07:00" }),
    abbreviation: z.string().meta({ example: 'WIB' }),
    text: z.string().meta({ example: 'Sabtu, 1 Mei 2027 09.00 WIB' }),
  })
  .meta({ id: 'LocalTime' });

const calendarPostView = z
  .object({
    id: z.string(),
    workspace: workspaceRefView,
    readOnly: z.boolean().meta({ description: "A partner's post in a joint campaign: shown, not editable here" }),
    campaign: z.object({ id: z.string(), name: z.string(), color: z.string(), held: z.boolean() }).nullable(),
    author: z.object({ id: z.string(), name: z.string() }),
    status: zPostStatus,
    displayState: zDisplayState,
    version: z.int(),
    scheduledAt: zTimestamp,
    scheduleZone: z.string().nullable(),
    local: localTimeView,
    excerpt: z.string(),
    targets: z.array(z.object({ id: z.string(), state: zDeliveryState, platform: zPlatform, accountName: z.string() })),
  })
  .meta({ id: 'CalendarPost' });

export type CalendarPostView = z.output<typeof calendarPostView>;

const calendarDateView = z
  .object({
    title: z.string(),
    date: z.string().meta({ description: 'Local date, YYYY-MM-DD' }),
    source: z.enum(['holiday', 'key-date']),
    kind: z.enum([...Object.values(KeyDateKind), 'PUBLIC_HOLIDAY']),
    isMayDay: z.boolean(),
    keyDateId: z.string().nullable(),
    country: z.string().nullable(),
  })
  .meta({ id: 'CalendarDate' });

export const calendarView = z
  .object({
    zone: z.string(),
    from: zTimestamp,
    to: zTimestamp,
    posts: z.array(calendarPostView),
    nextAfter: z.string().nullable(),
    dates: z.array(calendarDateView),
    holds: z.object({
      workspace: z
        .object({ heldAt: zTimestamp, reason: z.string().nullable(), resumeAt: zTimestamp.nullable() })
        .nullable(),
      campaigns: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          heldAt: zTimestamp.nullable(),
          holdReason: z.string().nullable(),
          holdResumeAt: zTimestamp.nullable(),
        }),
      ),
    }),
  })
  .meta({ id: 'Calendar' });

export const keyDateView = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    date: zTimestamp.meta({ description: 'The day, at 00:00 UTC' }),
    title: z.string(),
    kind: zKeyDateKind,
    createdAt: zTimestamp,
  })
  .meta({ id: 'KeyDate' });

export const calendarFeedView = z
  .object({ url: z.string().meta({ description: 'Secret iCal subscription URL, shown once' }) })
  .meta({ id: 'CalendarFeed' });

export const keyDateListView = z.array(keyDateView);
