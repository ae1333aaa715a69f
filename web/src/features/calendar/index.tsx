import type { Feature } from '../../app/feature';
import { calendarRoute } from './calendar-route';

export const calendarFeature: Feature = { routes: [calendarRoute], nav: { path: 'calendar', label: 'calendar:nav' } };

/** The campaign page embeds the calendar's list of one campaign's posts (the feature's public part). */
export { CampaignCalendar } from './CampaignCalendar';
