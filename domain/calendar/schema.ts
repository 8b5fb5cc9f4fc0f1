import { IANAZone } from 'luxon';
import * as z from 'zod';

/** The days of the week, Monday first (index 0 = Monday, as ISO weekday − 1). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Holiday types of date-holidays, from the most to the least binding. */
export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

const CalendarTimeZone = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'Not an IANA time zone (e.g. Europe/Warsaw).');

/** `HH:MM` on a 24-hour clock, `00:00`–`24:00` (`24:00` is only meaningful as an end). */
const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'A time of day as HH:MM (00:00–24:00).');

/** Minutes since local midnight of an `HH:MM` string (`24:00` → 1440). */
export const minutesOfDay = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One opening window on a weekday, local wall-clock time in the calendar's zone; `to` is exclusive. */
export const OpeningWindow = z
  .strictObject({ from: ClockTime, to: ClockTime })
  .refine((w) => minutesOfDay(w.to) > minutesOfDay(w.from), {
    message: 'A window must end after it starts (to > from).',
    path: ['to'],
  });
export type OpeningWindow = z.infer<typeof OpeningWindow>;

const DayWindows = z.array(OpeningWindow).max(24, 'At most 24 windows a day.');

/**
 * Opening hours per weekday; a weekday left out (or with no windows) is closed all day.
 * Windows of one day must not overlap (touching, e.g. 08:00–12:00 and 12:00–17:00, is allowed).
 */
export const WeeklyHours = z
  .strictObject({
    mon: DayWindows.optional(),
    tue: DayWindows.optional(),
    wed: DayWindows.optional(),
    thu: DayWindows.optional(),
    fri: DayWindows.optional(),
    sat: DayWindows.optional(),
    sun: DayWindows.optional(),
  })
  .superRefine((week, ctx) => {
    let any = false;
    for (const day of WEEKDAYS) {
      const windows = week[day] ?? [];
      if (windows.length > 0) any = true;
      const order = windows
        .map((w, index) => ({ from: minutesOfDay(w.from), to: minutesOfDay(w.to), index }))
        .sort((a, b) => a.from - b.from || a.to - b.to);
      for (let k = 1; k < order.length; k++) {
        const previous = order[k - 1];
        const current = order[k];
        if (current.from < previous.to) {
          const a = windows[previous.index];
          const b = windows[current.index];
          ctx.addIssue({
            code: 'custom',
            path: [day, current.index, 'from'],
            message: `Windows on ${day} overlap: ${b.from}–${b.to} starts before ${a.from}–${a.to} ends.`,
          });
        }
      }
    }
    if (!any) ctx.addIssue({ code: 'custom', path: [], message: 'Give at least one opening window in the week (or use "always").' });
  });
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/**
 * Which holidays of date-holidays close the service: a country (ISO 3166-1 alpha-2, lower case),
 * optionally a subdivision (date-holidays' state code, lower case, e.g. `be` for Canton Bern),
 * and the holiday types that close (default: only `public`). Whether date-holidays has data for
 * them is checked by `compileCalendar` (see `holidaySourceIssues`), not here: the schema is part of
 * every catalog, and the holiday data (about 1.6 MB bundled) only belongs where calendars are
 * computed.
 */
export const HolidaySource = z.strictObject({
  country: z.string().regex(/^[a-z]{2}$/, 'A lower-case ISO 3166 country code such as "pl".'),
  subdivision: z
    .string()
    .regex(/^[a-z0-9]{1,8}$/, 'A lower-case subdivision code such as "be" (Canton Bern).')
    .optional(),
  types: z
    .array(z.enum(HOLIDAY_TYPES))
    .min(1, 'Name at least one holiday type, or leave out holidays.')
    .default(['public']),
});
export type HolidaySource = z.infer<typeof HolidaySource>;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD.')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'Not a calendar date.');

/**
 * A business calendar as plain data: when SLA minutes run and which days are business days.
 * - `hours`: `'always'` (24x7; business days are Mon–Fri that are not closing holidays) or weekly
 *   opening windows.
 * - `holidays`: absent → no holidays. Closing holidays close a weekly calendar all day; a 24x7
 *   calendar stays open and holidays only stop the day being a business day.
 * - `closedDates`: extra local dates treated like closing holidays (e.g. `2026-12-24`).
 */
export const CalendarDefinition = z.strictObject({
  timeZone: CalendarTimeZone,
  hours: z.union([z.literal('always'), WeeklyHours]),
  holidays: HolidaySource.optional(),
  closedDates: z.array(IsoDate).max(1000).optional(),
});
/** A calendar definition as written (defaults not yet applied). */
export type CalendarDefinitionInput = z.input<typeof CalendarDefinition>;
/** A parsed calendar definition. */
export type CalendarDefinition = z.output<typeof CalendarDefinition>;
