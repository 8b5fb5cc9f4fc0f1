import * as z from 'zod';
import { Id, Name, TimeZone } from './basics';
import { checkUnique, type Path } from './checks';
import { Channel } from './entitlements';
import type { Refs } from './refs';

export const Weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
export type Weekday = z.infer<typeof Weekday>;

/** `HH:MM` on a 24-hour clock; `24:00` only as an end. */
const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'A time of day as HH:MM (00:00–24:00).');

/**
 * A business calendar id: an ISO 3166 country code, optionally with a subdivision (`pl`, `se`,
 * `ch-be`). The business calendar resolves it to public holidays.
 */
export const HolidayCalendarId = z.string().regex(/^[a-z]{2}(-[a-z0-9]{1,8})?$/, 'A holiday calendar id such as "pl", "se" or "ch-be".');

const windowBase = {
  id: Id,
  name: Name,
  /** Zone the window's hours and business days are reckoned in. */
  timeZone: TimeZone,
  /** Public holidays: not business days (and outside an `hours` window that excludes them). */
  holidayCalendar: HolidayCalendarId,
};

/**
 * When reports are taken and SLA minutes run: set hours on set weekdays (8x5 is Mon–Fri
 * 09:00–17:00 excluding public holidays), or always (24x7). Business-day targets (e.g. next
 * business day) use the window's holiday calendar even in a 24x7 window.
 */
export const ServiceWindow = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('hours'),
    ...windowBase,
    days: z.array(Weekday).min(1, 'Name at least one weekday.'),
    from: ClockTime,
    to: ClockTime,
    excludesHolidays: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('always'), ...windowBase }),
]);
export type ServiceWindow = z.infer<typeof ServiceWindow>;

/**
 * How long a target allows. Minutes run only inside the plan's service window (a 1-hour reaction
 * reported at 16:30 in an 8x5 window is due at 09:30 the next business day); business days and the
 * next business day are counted in the window's zone and holiday calendar.
 */
export const Within = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('minutes'), value: z.int().min(1).max(43_200, 'At most 30 days of minutes.') }),
  z.strictObject({ unit: z.literal('business-days'), value: z.int().min(1).max(30) }),
  z.strictObject({ unit: z.literal('next-business-day') }),
]);
export type Within = z.infer<typeof Within>;

/**
 * A service-level target. `reaction`: until the provider first contacts the reporter;
 * `first-response`: until the first answer on the channel; `on-site`: until an engineer is on
 * site; `parts-delivery`: until a replacement part or device is delivered. The clock starts when
 * the report is made, or when the provider accepts it as justified (after verification).
 */
export const SlaTarget = z.strictObject({
  metric: z.enum(['reaction', 'first-response', 'on-site', 'parts-delivery']),
  /** The channel the target applies to; absent: every channel. */
  channel: Channel.optional(),
  within: Within,
  from: z.enum(['report', 'acceptance']),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

export const PlanSla = z.strictObject({
  /** A `serviceWindows` id. */
  window: Id,
  targets: z.array(SlaTarget).min(1, 'Give at least one target, or leave out the SLA.'),
});
export type PlanSla = z.infer<typeof PlanSla>;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

export function checkServiceWindow(window: ServiceWindow, at: Path, refs: Refs): void {
  if (window.kind !== 'hours') return;
  if (window.from === '24:00') refs.report([...at, 'from'], 'A window cannot start at 24:00.');
  else if (minutesOf(window.to) <= minutesOf(window.from)) refs.report([...at, 'to'], `The window must end after it starts (${window.from}).`);
  checkUnique(window.days, (d) => d, (i) => [...at, 'days', i], refs.report, 'weekday');
}

export function checkPlanSla(sla: PlanSla, channels: readonly string[], at: Path, refs: Refs): void {
  if (!refs.windows.has(sla.window)) refs.report([...at, 'window'], `Unknown service window ${sla.window}.`);
  sla.targets.forEach((target, i) => {
    if (target.channel && !channels.includes(target.channel))
      refs.report([...at, 'targets', i, 'channel'], `A target for ${target.channel}, which the plan does not include.`);
  });
  checkUnique(sla.targets, (t) => `${t.metric}${t.channel ? ` on ${t.channel}` : ''}`, (i) => [...at, 'targets', i, 'metric'], refs.report, 'target');
}
