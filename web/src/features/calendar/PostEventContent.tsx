import type { EventDisplayInfo } from '@fullcalendar/react';
import { useTranslation } from 'react-i18next';
import type { DateEventProps, PostEventProps } from './calendar-events';
import { hourMinute } from '../../app/zone';
import { PLATFORM_NAMES } from '../../ui/platform-text';
import { PLATFORM_MARKS, STATUS_COLOURS } from './post-status';
import classes from './calendar.module.css';

/** A post in the calendar: time, status in colour and words, platforms, organisation for partners' posts. */
export function EventContent({ arg, zone }: { arg: EventDisplayInfo; zone: string }) {
  const { t } = useTranslation('calendar');
  const props = arg.event.extendedProps as PostEventProps | DateEventProps;
  if (props.kind === 'date') {
    const label = props.date.isMayDay
      ? t('dates.mayDay')
      : props.date.source === 'holiday'
        ? t('dates.holiday')
        : t('dates.keyDate');
    return (
      <span className={classes.dateEntry}>
        <span className={classes.dateKind}>{label}:</span> {arg.event.title}
      </span>
    );
  }
  const { post, status, movable } = props;
  const platforms = [...new Set(post.targets.map((target) => target.platform))];
  // Time-grid boxes are as tall as an hour: one line of text there, the full card elsewhere.
  const compact = arg.view.type.startsWith('timeGrid');
  return (
    <span
      className={compact ? `${classes.post} ${classes.compact}` : classes.post}
      style={{ borderLeftColor: post.campaign?.color ?? '#868e96' }}
      data-testid="calendar-post"
      data-post-id={post.id}
      data-status={status}
      data-movable={movable}
    >
      <span className={classes.postLine}>
        <span className={classes.time}>{hourMinute(post.scheduledAt, zone)}</span>
        <span className={classes.status} style={{ backgroundColor: STATUS_COLOURS[status] }}>
          {t(`status.${status}`)}
        </span>
        {post.readOnly && (
          <span className={classes.partner} title={`${post.workspace.name}: ${t('partnerHint')}`}>
            {post.workspace.slug.toUpperCase()}
            <span className={classes.visuallyHidden}> ({t('readOnly')})</span>
          </span>
        )}
      </span>
      <span className={classes.excerpt}>{arg.event.title}</span>
      <span className={classes.postLine}>
        {platforms.map((platform) => (
          <abbr
            key={platform}
            className={classes.platform}
            title={PLATFORM_NAMES[platform]}
            aria-label={PLATFORM_NAMES[platform]}
          >
            {PLATFORM_MARKS[platform] ?? platform}
          </abbr>
        ))}
        {post.campaign && <span className={classes.campaign}>{post.campaign.name}</span>}
      </span>
    </span>
  );
}
