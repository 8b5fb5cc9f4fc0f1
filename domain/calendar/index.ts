/**
 * The business calendar: when SLA minutes run and which days are business days, in the calendar's
 * zone, with DST and holidays (date-holidays). Pure: no I/O, never reads the clock.
 */
export { compileCalendar, CompiledCalendar } from './compile';
export { addBusinessMinutes, businessMinutesBetween, isOpen } from './minutes';
export { addBusinessDays, isBusinessDay, nextBusinessDay } from './days';
export { HORIZON_END, HORIZON_START } from './horizon';
export {
  CalendarDefinition,
  HOLIDAY_TYPES,
  HolidaySource,
  OpeningWindow,
  WEEKDAYS,
  WeeklyHours,
  type CalendarDefinitionInput,
  type HolidayType,
  type Weekday,
} from './schema';
