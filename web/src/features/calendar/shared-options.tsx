import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import './calendar.css';
import indonesian from '@fullcalendar/react/locales/id';
import { EventContent } from './PostEventContent';

/** What every FullCalendar of Gaung shares: the zone, the language, no own toolbar, our event card, 24-hour times. */
export function sharedOptions(zone: string, language: string) {
  return {
    timeZone: zone,
    locale: language === 'en' ? 'en-gb' : indonesian,
    headerToolbar: false as const,
    height: 'auto',
    eventContent: (arg: Parameters<typeof EventContent>[0]['arg']) => <EventContent arg={arg} zone={zone} />,
    eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false } as const,
    // A post is an instant drawn as an hour: one at 23.10 must not show again on the next day.
    nextDayThreshold: '01:00:00',
  };
}
