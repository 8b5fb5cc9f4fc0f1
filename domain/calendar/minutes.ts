import { FIRST_TABLE_YEAR, LAST_TABLE_YEAR, type CompiledCalendar, type YearTable } from './compile';
import { beyondHorizon, checkInstant, HORIZON_END } from './horizon';

/*
 * Open time. The calendar is open on a union of half-open intervals [opening, close) of instants
 * (epoch milliseconds). Let F(t) be the open time before t; it is continuous and never decreases.
 * Minutes are counted in whole milliseconds (`minutes * 60_000`, rounded to the nearest ms); SLA
 * minutes are whole minutes but start instants may be any millisecond.
 */

const MINUTE_MS = 60_000;
const LAST_INDEX = LAST_TABLE_YEAR - FIRST_TABLE_YEAR;

/** Index of the first interval whose end is after `at` (n if none). */
function firstEndingAfter(ends: Float64Array, n: number, at: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Open ms of year table `t` before `at` (an instant inside that local year). */
function openBefore(t: YearTable, at: number): number {
  const i = firstEndingAfter(t.ends, t.n, at);
  if (i === t.n) return t.total;
  const into = at - t.starts[i];
  return into > 0 ? t.cum[i] + into : t.cum[i];
}

/** Whether `at` is the close instant of an open interval (`lo` = first interval ending after `at`). */
function isCloseInstant(cal: CompiledCalendar, k: number, t: YearTable, lo: number, at: number): boolean {
  if (lo > 0) return t.ends[lo - 1] === at;
  if (k === 0 || at !== cal.yearStarts[k]) return false;
  const previous = cal.table(k - 1);
  return previous.n > 0 && previous.ends[previous.n - 1] === at;
}

/** Whether the calendar is open at instant `at` (windows are half-open: open at the opening, closed at the close). */
export function isOpen(cal: CompiledCalendar, at: number): boolean {
  checkInstant(at, 'at');
  const t = cal.table(cal.yearIndexOf(at));
  const i = firstEndingAfter(t.ends, t.n, at);
  return i < t.n && t.starts[i] <= at;
}

/**
 * The instant at which `minutes` of open time have elapsed from `start`: the earliest instant
 * t ≥ start that is open or a close instant and has `minutes` of open time in [start, t).
 * - A start in a closed period counts from the next opening.
 * - If the count ends exactly at a close, the result is that close instant, not the next opening
 *   (and a start at a close instant has nothing open before the next opening, so
 *   add(add(s, a), b) === add(s, a + b) for all a, b ≥ 0).
 * - `minutes = 0`: `start` if it is open or a close instant, otherwise the next opening.
 * - The result is never strictly inside a closed period; it is monotonic in `start` and `minutes`,
 *   and `businessMinutesBetween(cal, start, result) === minutes` for whole ms of minutes.
 * `minutes` must be finite and ≥ 0 (fractions allowed, counted to the nearest ms). Throws a
 * RangeError outside the horizon (2000-01-01Z … 2101-01-01Z), also when the result would be after it.
 */
export function addBusinessMinutes(cal: CompiledCalendar, start: number, minutes: number): number {
  checkInstant(start, 'start');
  if (!(minutes >= 0) || minutes === Infinity) throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}.`);
  let k = cal.yearIndexOf(start);
  let t = cal.table(k);
  let lo = firstEndingAfter(t.ends, t.n, start);
  // q: position on the year's open-time scale to reach.
  let q = Math.round(minutes * MINUTE_MS);
  if (q === 0 && isCloseInstant(cal, k, t, lo, start)) return start;
  if (lo < t.n) {
    const into = start - t.starts[lo];
    q += into > 0 ? t.cum[lo] + into : t.cum[lo];
  } else q += t.total;
  while (lo >= t.n || q > t.total) {
    q -= t.total;
    if (k === LAST_INDEX) throw beyondHorizon('The result');
    t = cal.table(++k);
    lo = 0;
  }
  // First interval j ≥ lo whose cumulative end reaches q.
  const cum = t.cum;
  let hi = t.n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1] < q) lo = mid + 1;
    else hi = mid;
  }
  const result = t.starts[lo] + (q - cum[lo]);
  if (result > HORIZON_END) throw beyondHorizon('The result');
  return result;
}

/**
 * Open minutes between two instants: the open time in [from, to) in minutes (a fraction when the
 * instants are not whole minutes apart). The inverse of `addBusinessMinutes`. If `to` is before
 * `from` the result is negative (−businessMinutesBetween(cal, to, from)).
 */
export function businessMinutesBetween(cal: CompiledCalendar, from: number, to: number): number {
  checkInstant(from, 'from');
  checkInstant(to, 'to');
  if (to < from) return -businessMinutesBetween(cal, to, from);
  let k = cal.yearIndexOf(from);
  const last = cal.yearIndexOf(to);
  let open = -openBefore(cal.table(k), from);
  for (; k < last; k++) open += cal.table(k).total;
  open += openBefore(cal.table(last), to);
  return open / MINUTE_MS;
}
