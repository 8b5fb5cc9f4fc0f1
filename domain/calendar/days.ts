import { FIRST_TABLE_YEAR, LAST_TABLE_YEAR, type CompiledCalendar } from './compile';
import { beyondHorizon, checkInstant, HORIZON_END } from './horizon';

const LAST_INDEX = LAST_TABLE_YEAR - FIRST_TABLE_YEAR;

/** Index of the first value after `at` (length if none). */
function firstAfter(values: Float64Array, at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The due instant `n` business days after `at`.
 *
 * A business day is a local date, in the calendar's zone, that is not a closing holiday or closed
 * date and that has opening windows in the weekly hours (for a 24x7 calendar: Monday–Friday).
 * "n business days after `at`" is due at the end of the last opening window (for 24x7: 24:00
 * local) of the n-th business day after the local date of `at`. The date of `at` itself never
 * counts, even when `at` is before that day's opening. `n` is a whole number ≥ 1.
 * Throws a RangeError outside the horizon (also when the due instant would be after it).
 */
export function addBusinessDays(cal: CompiledCalendar, at: number, n: number): number {
  checkInstant(at, 'at');
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}.`);
  let k = cal.yearIndexOf(at);
  let t = cal.table(k);
  // Business days whose local date starts after `at` are exactly those after the date of `at`.
  let index = firstAfter(t.businessDayStarts, at) + n - 1;
  while (index >= t.businessDayStarts.length) {
    index -= t.businessDayStarts.length;
    if (k === LAST_INDEX) throw beyondHorizon('The due instant');
    t = cal.table(++k);
  }
  const due = t.businessDayDue[index];
  if (due > HORIZON_END) throw beyondHorizon('The due instant');
  return due;
}

/**
 * Next business day (NBD): due at the end of the last opening window (24x7: 24:00 local) of the
 * first business day after the local date of `at`; the same as `addBusinessDays(cal, at, 1)`.
 */
export function nextBusinessDay(cal: CompiledCalendar, at: number): number {
  return addBusinessDays(cal, at, 1);
}

/** Whether the local date of `at` (in the calendar's zone) is a business day (see `addBusinessDays`). */
export function isBusinessDay(cal: CompiledCalendar, at: number): boolean {
  checkInstant(at, 'at');
  const t = cal.table(cal.yearIndexOf(at));
  const i = firstAfter(t.businessDayStarts, at) - 1;
  return i >= 0 && sameLocalDate(cal, t.businessDayStarts[i], at);
}

function sameLocalDate(cal: CompiledCalendar, dayStart: number, at: number): boolean {
  const day = new Date(dayStart + offsetMs(cal, dayStart)).toISOString().slice(0, 10);
  const other = new Date(at + offsetMs(cal, at)).toISOString().slice(0, 10);
  return day === other;
}

function offsetMs(cal: CompiledCalendar, at: number): number {
  return cal.zone.offset(at) * 60_000;
}
