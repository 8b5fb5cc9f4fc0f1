/**
 * Business-calendar speed: due-time computations per second on one core, for random instants over
 * two years (2026–2027) with holidays and DST, after the year tables are built; plus the cost of
 * building a year table. `npx tsx test/bench/calendar-bench.ts` prints the figures.
 */
import {
  addBusinessDays,
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  type CalendarDefinitionInput,
} from '../../domain/calendar';
import { random } from './random';

export interface CalendarBenchOptions {
  /** addBusinessMinutes calls timed (default 2,000,000). */
  calls?: number;
  /** Seed of the pseudo-random instants (default 42). */
  seed?: number;
}

export interface CalendarBenchResult {
  calls: number;
  /** addBusinessMinutes per second, one core, warm caches. Goal: > 1,000,000. */
  computationsPerSecond: number;
  /** businessMinutesBetween per second. */
  betweenPerSecond: number;
  /** addBusinessDays per second. */
  businessDaysPerSecond: number;
  /** compileCalendar (validation, date-holidays set-up, year starts), ms. */
  compileMs: number;
  /** Building one year's table (intervals, prefix sums, holidays), ms, mean over the years built. */
  yearTableMs: number;
  /** Whether computationsPerSecond meets the goal. */
  ok: boolean;
}

export const CALENDAR_TARGET_PER_SECOND = 1_000_000;

const nineToFive = [{ from: '09:00', to: '17:00' }];
const split = [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }];
const DEFINITIONS: CalendarDefinitionInput[] = [
  { timeZone: 'Europe/Warsaw', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: { country: 'pl' } },
  { timeZone: 'Europe/Zurich', hours: { mon: split, tue: split, wed: split, thu: split, fri: split }, holidays: { country: 'ch', subdivision: 'be' } },
  { timeZone: 'America/New_York', hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive }, holidays: { country: 'us' } },
  { timeZone: 'Europe/Stockholm', hours: 'always', holidays: { country: 'se' } },
];


const FROM = Date.UTC(2026, 0, 1);
const SPAN = Date.UTC(2027, 11, 1) - FROM;

export function benchCalendar(options: CalendarBenchOptions = {}): CalendarBenchResult {
  const calls = options.calls ?? 2_000_000;
  const next = random(options.seed ?? 42);

  let t0 = performance.now();
  const calendars = DEFINITIONS.map((d) => compileCalendar(d));
  const compileMs = (performance.now() - t0) / calendars.length;

  // Build the year tables (2025–2028 local years, so that results past 2027 are covered too).
  t0 = performance.now();
  let built = 0;
  for (const cal of calendars) {
    cal.prepareYears(2025, 2028);
    built += 4;
  }
  const yearTableMs = (performance.now() - t0) / built;

  const starts = new Float64Array(calls);
  const minutes = new Float64Array(calls);
  const which = new Uint8Array(calls);
  for (let i = 0; i < calls; i++) {
    starts[i] = FROM + Math.floor(next() * SPAN);
    minutes[i] = 1 + Math.floor(next() * 3000);
    which[i] = Math.floor(next() * calendars.length);
  }

  const run = (fn: (i: number) => number): number => {
    // Warm-up (JIT), then one timed pass.
    let sink = 0;
    for (let i = 0; i < Math.min(calls, 200_000); i++) sink += fn(i);
    const start = performance.now();
    for (let i = 0; i < calls; i++) sink += fn(i);
    const seconds = (performance.now() - start) / 1000;
    if (sink === 42) console.log('');
    return Math.round(calls / seconds);
  };

  const computationsPerSecond = run((i) => addBusinessMinutes(calendars[which[i]], starts[i], minutes[i]));
  const betweenPerSecond = run((i) =>
    businessMinutesBetween(calendars[which[i]], starts[i], starts[i] + minutes[i] * 300_000),
  );
  const businessDaysPerSecond = run((i) => addBusinessDays(calendars[which[i]], starts[i], 1 + (minutes[i] % 10)));

  return {
    calls,
    computationsPerSecond,
    betweenPerSecond,
    businessDaysPerSecond,
    compileMs: Math.round(compileMs * 100) / 100,
    yearTableMs: Math.round(yearTableMs * 100) / 100,
    ok: computationsPerSecond > CALENDAR_TARGET_PER_SECOND,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = benchCalendar();
  console.log(JSON.stringify(result, null, 2));
}
