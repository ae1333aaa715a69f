import FullCalendar, {
  type CalendarApi,
  type CalendarRef,
  type DateClickInfo,
  type DatesSetInfo,
  type EventClickInfo,
  type EventDropInfo,
} from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { Alert, Group, Loader, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar, type CalendarWindow } from '../../api/calendar';
import { roleAtLeast } from '../../api/session';
import type { CalendarPost, EditorialStatus } from '../../api/types';
import { useReportCampaignHolds } from '../../app/holds';
import { composePath, composeSearch, postPath } from '../../app/links';
import { todayIn, useZone } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CalendarFilters } from './CalendarFilters';
import { calendarRoute, type CalendarSearch, type CalendarViewName } from './calendar-route';
import { dateEvents, postEvents, type PostEventProps } from './calendar-events';
import { CalendarToolbar } from './CalendarToolbar';
import { StatusLegend } from './StatusLegend';
import { useMovePost } from './use-move-post';
import { UndoBar } from './UndoBar';
import { sharedOptions } from './shared-options';
import { MoveDialog } from './MoveDialog';

const FC_VIEWS: Record<CalendarViewName, string> = {
  month: 'dayGridMonth',
  week: 'timeGridWeek',
  day: 'timeGridDay',
  list: 'listWeek',
};
// Display states the API can also filter by (its `status` filter is the editorial status).
const EDITORIAL: string[] = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'CANCELLED'];

export function CalendarPage() {
  const { t, i18n } = useTranslation('calendar');
  const search = calendarRoute.useSearch();
  const navigate = useNavigate();
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const zone = useZone();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  // A phone opens the list: seven 60 px columns are no use to a thumb.
  const view: CalendarViewName = search.view ?? (phone ? 'list' : 'month');
  const date = search.date ?? todayIn(zone);
  const calendarRef = useRef<CalendarRef>(null);
  const [window, setWindow] = useState<{ from: string; to: string; title: string }>();

  const setSearch = useCallback(
    (changes: Partial<CalendarSearch>) =>
      void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, ...changes }), replace: false }),
    [navigate],
  );

  const query: CalendarWindow | undefined = window && {
    workspace,
    from: window.from,
    to: window.to,
    zone,
    campaignId: search.campaign,
    accountId: search.account,
    platform: search.platform,
    authorId: search.author,
    status: search.status && EDITORIAL.includes(search.status) ? (search.status as EditorialStatus) : undefined,
  };
  const calendar = useCalendar(query);
  useReportCampaignHolds(calendar.data?.holds.campaigns);

  const mayReschedule = roleAtLeast(membership.role, 'COORDINATOR');
  const mayCompose = roleAtLeast(membership.role, 'EDITOR');
  const move = useMovePost(workspace);
  const events = useMemo(() => {
    const posts = (calendar.data?.posts ?? []).map((post) =>
      move.shownAt[post.id] ? { ...post, scheduledAt: move.shownAt[post.id]! } : post,
    );
    return [...postEvents(posts, mayReschedule, search.status), ...dateEvents(calendar.data?.dates ?? [])];
  }, [calendar.data, mayReschedule, search.status, move.shownAt]);

  // The URL leads: a changed view or date (back button, a shared link) moves the calendar.
  useEffect(() => {
    const api: CalendarApi | undefined = calendarRef.current?.getApi();
    if (!api) return;
    if (api.view.type !== FC_VIEWS[view]) api.changeView(FC_VIEWS[view], date);
    else api.gotoDate(date);
  }, [view, date]);

  const datesSet = (info: DatesSetInfo) => setWindow({ from: info.startStr, to: info.endStr, title: info.view.title });

  const onDrop = (info: EventDropInfo) => {
    const props = info.event.extendedProps as PostEventProps;
    if (!info.event.start) return info.revert();
    move.moveTo(props.post, info.event.start, info.revert);
  };

  const onDateClick = (info: DateClickInfo) => {
    if (!mayCompose) return;
    const at = info.allDay ? `${info.dateStr.slice(0, 10)}T09:00` : info.dateStr.slice(0, 16);
    void navigate({ to: composePath(workspace), search: composeSearch(at, zone) });
  };

  // A movable post opens its menu (move, or open the post): a click or Enter on the focused event.
  const [moving, setMoving] = useState<CalendarPost>();
  const onEventClick = (info: EventClickInfo) => {
    const props = info.event.extendedProps as PostEventProps;
    info.jsEvent.preventDefault();
    if (props.kind === 'post' && props.movable) setMoving(props.post);
    else if (props.kind === 'post')
      void navigate({
        to: postPath(props.post.workspace.slug === workspace ? workspace : props.post.workspace.slug, props.post.id),
      });
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {calendar.isFetching && <Loader size="xs" role="status" aria-label={t('loading')} />}
      </Group>
      <CalendarToolbar
        title={window?.title ?? ''}
        view={view}
        onView={(next) => setSearch({ view: next })}
        onStep={(step) =>
          setSearch({ date: step === 'today' ? todayIn(zone) : shiftDate(date, view, step === 'next' ? 1 : -1) })
        }
      />
      <CalendarFilters workspace={workspace} search={search} onChange={setSearch} />
      <ErrorAlert error={calendar.error ?? move.error} />
      {move.refusal && (
        <Alert color="orange" role="alert" onClose={move.clearRefusal} withCloseButton>
          {move.refusal}
        </Alert>
      )}
      <div
        className="gaung-calendar"
        data-testid="calendar"
        data-view={view}
        data-ready={calendar.isSuccess && !calendar.isFetching ? 'true' : 'false'}
      >
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicTheme]}
          initialView={FC_VIEWS[view]}
          initialDate={date}
          {...sharedOptions(zone, i18n.language)}
          events={events}
          slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          dayMaxEvents={3}
          moreLinkText={(count: number) => t('more', { count })}
          eventDisplay="block"
          editable={mayReschedule}
          eventDurationEditable={false}
          eventInteractive
          eventDrop={onDrop}
          dateClick={onDateClick}
          eventClick={onEventClick}
          datesSet={datesSet}
          scrollTime="07:00:00"
          nowIndicator
        />
      </div>
      <StatusLegend />
      {moving && (
        <MoveDialog
          workspace={workspace}
          post={moving}
          zone={zone}
          onClose={() => setMoving(undefined)}
          onMove={(start) => move.moveTo(moving, start, () => undefined)}
        />
      )}
      {move.undo && (
        <UndoBar message={move.undo.message} onUndo={move.undo.run} onClose={move.dismissUndo} busy={move.isPending} />
      )}
    </Stack>
  );
}

/** The anchor date one view further (or back): a month, a week or a day. */
export function shiftDate(date: string, view: CalendarViewName, steps: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (view === 'month')
    return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + steps, 1)).toISOString().slice(0, 10);
  day.setUTCDate(day.getUTCDate() + steps * (view === 'day' ? 1 : 7));
  return day.toISOString().slice(0, 10);
}
