import { DateTime, IANAZone } from 'luxon';

export const isTimeZone = (zone: string): boolean => IANAZone.isValidZone(zone);

/** Dates a term may start on: real calendar dates, in a range any contract can fall in. */
export const EARLIEST_START = '1970-01-01';
export const LATEST_START = '2199-12-31';

export const isCalendarDate = (date: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: 'UTC' }).isValid;

export const isPlausibleStart = (date: string): boolean => isCalendarDate(date) && date >= EARLIEST_START && date <= LATEST_START;

/**
 * The end of a term of `months` starting on `startsOn`, computed in the customer's zone: the
 * same day `months` later, or the month's last day when that day does not exist (a 12-month
 * term from 29 Feb ends on 28 Feb). The term ends at 00:00 local time on `endsOn`.
 */
export function termEnd(startsOn: string, months: number, zone: string): { endsOn: string; endsAt: string } {
  // Calendar arithmetic on the date alone, then the start of that day in the zone (01:00 where a
  // DST change skips midnight).
  const endsOn = DateTime.fromISO(startsOn, { zone: 'UTC' }).plus({ months }).toISODate()!;
  return { endsOn, endsAt: dayStart(endsOn, zone) };
}

/** The instant a calendar day begins in a zone. */
export const dayStart = (date: string, zone: string): string => DateTime.fromISO(date, { zone }).startOf('day').toUTC().toISO()!;

/** The canonical spelling of an IANA zone (`europe/stockholm` → `Europe/Stockholm`). */
export const canonicalTimeZone = (zone: string): string => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
