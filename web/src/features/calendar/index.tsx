import type { Feature } from '../../app/feature';
import { calendarRoute } from './calendar-route';

export const calendarFeature: Feature = { routes: [calendarRoute], nav: { path: 'calendar', label: 'calendar:nav' } };
