import { createRoute } from '@tanstack/react-router';
import { workspaceRoute } from '../../app/workspace-route';
import { CalendarPage } from './CalendarPage';

export const calendarRoute = createRoute({ getParentRoute: () => workspaceRoute, path: 'calendar', component: CalendarPage });
