export { zoneAbbreviation, zonedFormatter, type FormattedInstant } from './zoned-format';
export {
  calendarRange,
  DEFAULT_FOLD,
  inspectLocalTime,
  resolveSchedule,
  resolveZone,
  scheduleInputSchema,
  ZONE_ALIASES,
  type CalendarView,
  type Fold,
  type LocalTimeInspection,
  type ResolvedSchedule,
  type ScheduleInput,
} from './zoned-time';
