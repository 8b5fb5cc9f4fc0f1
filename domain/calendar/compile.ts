import { IANAZone } from 'luxon';
import { ValidationError } from '../errors';
import { holidayDates, holidaySourceIssues } from './holidays';
import { wallToInstant, ZoneOffsets } from './zone';
import { CalendarDefinition, minutesOfDay, WEEKDAYS, type CalendarDefinitionInput } from './schema';

/** Local years with a table: one before and one after the horizon's UTC years, for every zone. */
export const FIRST_TABLE_YEAR = 1999;
export const LAST_TABLE_YEAR = 2101;

const DAY_MS = 86_400_000;

/**
 * One local calendar year, precomputed: the open intervals `[starts[i], ends[i])` in epoch ms,
 * sorted, disjoint and not touching (touching windows are merged), with `cum[i]` = open ms in the
 * year before interval i (`cum[n]` = the year's total); and the business days, each as the instant
 * its local day starts and the instant it is due (end of its last window; 24:00 for 24x7).
 */
export interface YearTable {
  readonly n: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly cum: Float64Array;
  readonly total: number;
  readonly businessDayStarts: Float64Array;
  readonly businessDayDue: Float64Array;
}

/**
 * A calendar ready for queries: year tables are built the first time a year is touched and kept.
 * Create it with `compileCalendar`; treat it as opaque.
 */
export class CompiledCalendar {
  /** The parsed definition. */
  readonly definition: CalendarDefinition;
  /** The calendar's IANA zone. */
  readonly timeZone: string;
  /** The calendar's zone as a luxon zone. */
  readonly zone: IANAZone;
  /** `yearStarts[k]` = instant local year FIRST_TABLE_YEAR + k begins (one extra at the end). */
  readonly yearStarts: Float64Array;
  /** `tables[k]` = the table of local year FIRST_TABLE_YEAR + k, once built. */
  readonly tables: (YearTable | undefined)[];
  private readonly week: (readonly [number, number][])[];
  private readonly closedOn: (year: number) => Set<string>;

  constructor(definition: CalendarDefinition) {
    this.definition = definition;
    this.timeZone = definition.timeZone;
    this.zone = IANAZone.create(definition.timeZone);
    const hours = definition.hours;
    this.week = WEEKDAYS.map((day) =>
      hours === 'always'
        ? []
        : (hours[day] ?? [])
            .map((w) => [minutesOfDay(w.from), minutesOfDay(w.to)] as [number, number])
            .sort((a, b) => a[0] - b[0]),
    );
    const extra = new Set(definition.closedDates ?? []);
    const fromHolidays = definition.holidays ? holidayDates(definition.holidays) : () => new Set<string>();
    this.closedOn = (year) => {
      const dates = fromHolidays(year);
      for (const date of extra) if (date.startsWith(`${year}-`)) dates.add(date);
      return dates;
    };
    const count = LAST_TABLE_YEAR - FIRST_TABLE_YEAR + 1;
    this.yearStarts = new Float64Array(count + 1);
    for (let k = 0; k <= count; k++) this.yearStarts[k] = this.localInstant(FIRST_TABLE_YEAR + k, 1, 1, 0);
    this.tables = new Array<YearTable | undefined>(count).fill(undefined);
  }

  /** Index into `tables` of the local year holding `at` (an instant inside the horizon). */
  yearIndexOf(at: number): number {
    const starts = this.yearStarts;
    let k = Math.floor((at - starts[0]) / 31_556_952_000);
    if (k < 0) k = 0;
    else if (k > starts.length - 2) k = starts.length - 2;
    while (k > 0 && at < starts[k]) k--;
    while (k < starts.length - 2 && at >= starts[k + 1]) k++;
    return k;
  }

  /**
   * Builds the tables of local years `from`…`to` now (e.g. during a Lambda's init), so later
   * queries in those years never pay for it. Years outside 1999–2101 are refused.
   */
  prepareYears(from: number, to: number): void {
    if (!(Number.isInteger(from) && Number.isInteger(to) && from >= FIRST_TABLE_YEAR && to <= LAST_TABLE_YEAR)) {
      throw new RangeError(`Years must be whole numbers within ${FIRST_TABLE_YEAR}–${LAST_TABLE_YEAR}, got ${from}–${to}.`);
    }
    for (let year = from; year <= to; year++) this.table(year - FIRST_TABLE_YEAR);
  }

  /** The table of `tables[k]`, built on first use. */
  table(k: number): YearTable {
    return this.tables[k] ?? (this.tables[k] = this.build(FIRST_TABLE_YEAR + k));
  }

  /**
   * The instant of a local wall time `minute` minutes after the start of a local date (`1440` =
   * 24:00 = the next date's 00:00); see `wallToInstant` for repeated and skipped wall times.
   */
  localInstant(year: number, month: number, day: number, minute: number, offsets?: ZoneOffsets): number {
    const wall = Date.UTC(year, month - 1, day) + minute * 60_000;
    return offsets ? offsets.instant(wall) : wallToInstant((t) => this.zone.offset(t), wall);
  }

  private build(year: number): YearTable {
    const always = this.definition.hours === 'always';
    const closed = this.closedOn(year);
    const offsets = new ZoneOffsets(this.zone, Date.UTC(year, 0, 1) - 3 * DAY_MS, Date.UTC(year + 1, 0, 1) + 3 * DAY_MS);
    const raw: [number, number][] = [];
    const dayStarts: number[] = [];
    const dues: number[] = [];
    for (let utc = Date.UTC(year, 0, 1); ; utc += DAY_MS) {
      const date = new Date(utc);
      if (date.getUTCFullYear() !== year) break;
      const month = date.getUTCMonth() + 1;
      const day = date.getUTCDate();
      const weekday = (date.getUTCDay() + 6) % 7; // 0 = Monday
      const isClosed = closed.has(date.toISOString().slice(0, 10));
      const windows = this.week[weekday];
      if (!always && !isClosed) {
        for (const [from, to] of windows) {
          const start = this.localInstant(year, month, day, from, offsets);
          const end = this.localInstant(year, month, day, to, offsets);
          if (end > start) raw.push([start, end]);
        }
      }
      const business = !isClosed && (always ? weekday < 5 : windows.length > 0);
      if (business) {
        dayStarts.push(this.localInstant(year, month, day, 0, offsets));
        dues.push(this.localInstant(year, month, day, always ? 1440 : windows[windows.length - 1][1], offsets));
      }
    }
    if (always) raw.push([this.yearStarts[year - FIRST_TABLE_YEAR], this.yearStarts[year + 1 - FIRST_TABLE_YEAR]]);
    raw.sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const interval of raw) {
      const last = merged[merged.length - 1];
      if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
      else merged.push([interval[0], interval[1]]);
    }
    const n = merged.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      starts[i] = merged[i][0];
      ends[i] = merged[i][1];
      cum[i + 1] = cum[i] + (ends[i] - starts[i]);
    }
    return {
      n,
      starts,
      ends,
      cum,
      total: cum[n],
      businessDayStarts: Float64Array.from(dayStarts),
      businessDayDue: Float64Array.from(dues),
    };
  }
}

/**
 * Validates a calendar definition and returns a compiled calendar for fast queries. Throws a
 * `ValidationError` listing each wrong field. Year tables (open intervals with prefix sums,
 * business days, holidays from date-holidays) are built lazily per local year and cached on the
 * returned object, so compile once per definition and reuse it.
 *
 * How wall times become instants (in the calendar's zone, DST included):
 * - A window's `from`/`to` are local wall times on its date; `24:00` is the next date's 00:00, so a
 *   window 01:00–04:00 lasts 2 real hours on a spring-forward night and 4 on a fall-back night.
 * - A wall time that does not exist (spring-forward gap) moves forward by the gap, as luxon does
 *   (02:30 → 03:30 CEST in Europe/Warsaw); one that exists twice (fall-back) is the earlier instant
 *   (02:00–03:00 on the fall-back night is open through both passes, 2 real hours). Decided here,
 *   deterministically: luxon's `fromObject` picks between the two by the current date.
 * - Windows that touch or (after a DST shift) overlap are merged; one that DST empties is dropped.
 * - A closing holiday (type in `holidays.types`) or a `closedDates` date closes the whole local
 *   date in the calendar's zone, even a part-day holiday (e.g. a Swedish eve from 12:00); the date
 *   is date-holidays' local date of the holiday. A 24x7 calendar stays open on holidays.
 */
export function compileCalendar(definition: CalendarDefinitionInput | CalendarDefinition): CompiledCalendar {
  const parsed = CalendarDefinition.safeParse(definition);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
      'The calendar definition is invalid.',
    );
  }
  const holidayIssues = holidaySourceIssues(parsed.data.holidays);
  if (holidayIssues.length > 0) throw new ValidationError(holidayIssues, 'The calendar definition is invalid.');
  return new CompiledCalendar(parsed.data);
}
