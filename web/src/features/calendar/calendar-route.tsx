import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { platformValues } from '../../api/schema';
import type { Platform } from '../../api/types';
import { workspaceRoute } from '../../app/workspace-route';
import { DISPLAY_STATUSES, type DisplayStatus } from './post-status';

export const CALENDAR_VIEWS = ['month', 'week', 'day', 'list'] as const;
export type CalendarViewName = (typeof CALENDAR_VIEWS)[number];

/** Everything a coordinator sees is in the URL, so the link they send shows the same calendar. */
export interface CalendarSearch {
  view?: CalendarViewName;
  /** A date in the shown zone, `YYYY-MM-DD`. */
  date?: string;
  campaign?: string;
  account?: string;
  platform?: Platform;
  status?: DisplayStatus;
  author?: string;
}

const text = (value: unknown, pattern: RegExp) =>
  typeof value === 'string' && pattern.test(value) ? value : undefined;
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]) =>
  allowed.includes(value as T) ? (value as T) : undefined;
const UUID = /^[0-9a-f-]{36}$/i;

export function parseCalendarSearch(search: Record<string, unknown>): CalendarSearch {
  const parsed: CalendarSearch = {
    view: oneOf(search.view, CALENDAR_VIEWS),
    date: text(search.date, /^\d{4}-\d{2}-\d{2}$/),
    campaign: text(search.campaign, UUID),
    account: text(search.account, UUID),
    platform: oneOf(search.platform, platformValues),
    status: oneOf(search.status, DISPLAY_STATUSES),
    author: text(search.author, UUID),
  };
  return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined));
}

export const calendarRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: 'calendar',
  validateSearch: parseCalendarSearch,
  // FullCalendar loads with the page, not with sign-in.
  component: lazyRouteComponent(() => import('./CalendarPage'), 'CalendarPage'),
});
