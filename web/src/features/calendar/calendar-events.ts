import type { EventInput } from '@fullcalendar/react';
import type { CalendarDate, CalendarPost } from '../../api/types';
import type { DisplayStatus } from './post-status';

export interface PostEventProps {
  kind: 'post';
  post: CalendarPost;
  status: DisplayStatus;
  movable: boolean;
}
export interface DateEventProps {
  kind: 'date';
  date: CalendarDate;
}

/**
 * A post is draggable only where the API would accept the move: an approved post of this
 * workspace, not yet published, by someone who may reschedule. The API still judges.
 */
export function postEvents(posts: CalendarPost[], mayReschedule: boolean, statusFilter?: DisplayStatus): EventInput[] {
  return posts.flatMap((post) => {
    const status = post.displayState;
    if (statusFilter && status !== statusFilter) return [];
    const movable =
      mayReschedule &&
      !post.readOnly &&
      post.status === 'APPROVED' &&
      ['SCHEDULED', 'HELD', 'EXPIRED'].includes(status);
    const props: PostEventProps = { kind: 'post', post, status, movable };
    return [
      {
        id: post.id,
        start: post.scheduledAt,
        allDay: false,
        title: post.excerpt,
        editable: movable,
        startEditable: movable,
        durationEditable: false,
        color: '#ffffff',
        contrastColor: '#1a1b1e',
        className: post.readOnly ? 'gaung-post gaung-post-readonly' : 'gaung-post',
        extendedProps: props,
      },
    ];
  });
}

/** Public holidays, May Day and key dates as all-day entries on their days (in every view). */
export function dateEvents(dates: CalendarDate[]): EventInput[] {
  return dates.map((date, index) => {
    const props: DateEventProps = { kind: 'date', date };
    return {
      id: `date-${date.date}-${index}`,
      start: date.date,
      allDay: true,
      title: date.title,
      editable: false,
      className: [
        'gaung-date',
        date.isMayDay ? 'gaung-date-mayday' : date.source === 'holiday' ? 'gaung-date-holiday' : 'gaung-date-key',
      ].join(' '),
      extendedProps: props,
      display: 'block',
    };
  });
}
