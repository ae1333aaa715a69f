import FullCalendar, { type EventClickInfo } from '@fullcalendar/react';
import listPlugin from '@fullcalendar/react/list';
import classicTheme from '@fullcalendar/react/themes/classic';
import { useNavigate } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendar } from '../../api/calendar';
import { postPath } from '../../app/links';
import { todayIn, useZone } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { postEvents, type PostEventProps } from './calendar-events';
import { sharedOptions } from './shared-options';

const DAY_MS = 86_400_000;
/** The window shown: a month back and two ahead (the calendar API answers at most 100 days). */
const BACK_DAYS = 30;
const AHEAD_DAYS = 60;

/**
 * A campaign's posts as the calendar's list view, embedded in the campaign page (desktop and phone):
 * the same events, states and zone as the calendar; a post opens its page.
 */
export function CampaignCalendar({ workspace, campaignId }: { workspace: string; campaignId: string }) {
  const { t, i18n } = useTranslation('calendar');
  const navigate = useNavigate();
  const zone = useZone();
  const today = Date.parse(`${todayIn(zone)}T00:00:00Z`);
  const start = new Date(today - BACK_DAYS * DAY_MS).toISOString().slice(0, 10);
  const end = new Date(today + AHEAD_DAYS * DAY_MS).toISOString().slice(0, 10);
  const calendar = useCalendar({ workspace, campaignId, zone, from: `${start}T00:00:00Z`, to: `${end}T00:00:00Z` });
  const events = useMemo(() => postEvents(calendar.data?.posts ?? [], false), [calendar.data]);
  const onEventClick = (info: EventClickInfo) => {
    const props = info.event.extendedProps as PostEventProps;
    info.jsEvent.preventDefault();
    void navigate({ to: postPath(props.post.readOnly ? props.post.workspace.slug : workspace, props.post.id) });
  };
  return (
    <div
      className="gaung-calendar"
      data-testid="campaign-calendar"
      data-ready={calendar.isSuccess && !calendar.isFetching ? 'true' : 'false'}
    >
      <ErrorAlert error={calendar.error} />
      <FullCalendar
        plugins={[listPlugin, classicTheme]}
        initialView="list"
        visibleRange={{ start, end }}
        {...sharedOptions(zone, i18n.language)}
        events={events}
        eventInteractive
        eventClick={onEventClick}
        noEventsText={t('campaignEmpty')}
      />
    </div>
  );
}
