/**
 * EventBridge schedule expressions, evaluated locally with the service's rules (all times UTC):
 *
 * - `rate(value unit)`: value a positive integer, unit minute(s) | hour(s) | day(s), singular for
 *   1 and plural otherwise. It fires every interval counted from when the schedule was created.
 * - `cron(minutes hours day-of-month month day-of-week year)`: exactly six fields; exactly one of
 *   day-of-month and day-of-week is `?`. Fields take `*`, values, `a-b` ranges, `a/step`, `*`/step
 *   and `a-b/step`, and comma lists of those; months JAN–DEC, weekdays 1–7 = SUN–SAT (names are
 *   case-insensitive). Day-of-month also takes `L` (last day), `LW` (last weekday) and `nW` (the
 *   weekday nearest day n, within the month); day-of-week takes `L` (Saturday), `nL` (the last
 *   weekday n of the month) and `n#k` (the k-th weekday n of the month). Years run 1970–2199.
 */

export interface Schedule {
  readonly expression: string;
  readonly kind: 'rate' | 'cron';
  /** The first fire time strictly after `after`, or null when the schedule never fires again. */
  next(after: Date): Date | null;
}

export interface ScheduleOptions {
  /** When the schedule was created: a rate fires at createdAt + n × interval (n ≥ 1). Default: now. */
  createdAt?: Date;
}

export class InvalidScheduleExpressionError extends Error {
  constructor(
    readonly expression: string,
    problem: string,
  ) {
    super(`Invalid schedule expression "${expression}": ${problem}`);
    this.name = 'InvalidScheduleExpressionError';
  }
}

/** Parses an EventBridge schedule expression; throws InvalidScheduleExpressionError naming the problem. */
export function parseScheduleExpression(expression: string, options: ScheduleOptions = {}): Schedule {
  const rate = /^rate\((.*)\)$/s.exec(expression);
  if (rate) return rateSchedule(expression, rate[1], options.createdAt ?? new Date());
  const cron = /^cron\((.*)\)$/s.exec(expression);
  if (cron) return cronSchedule(expression, cron[1]);
  throw new InvalidScheduleExpressionError(
    expression,
    'expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)',
  );
}

// ---------------------------------------------------------------------------------------------
// rate(…)
// ---------------------------------------------------------------------------------------------

const UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

function rateSchedule(expression: string, body: string, createdAt: Date): Schedule {
  const fail = (problem: string) => new InvalidScheduleExpressionError(expression, problem);
  const match = /^(\S+) (\S+)$/.exec(body);
  if (!match) throw fail('a rate is "value unit", e.g. rate(5 minutes)');
  const [, valueText, unitText] = match;
  if (!/^\d+$/.test(valueText) || Number(valueText) < 1) {
    throw fail(`the rate value must be a positive whole number, got "${valueText}"`);
  }
  const value = Number(valueText);
  const singular = unitText.replace(/s$/, '');
  if (!(singular in UNIT_MS)) throw fail(`unknown unit "${unitText}": use minute(s), hour(s) or day(s)`);
  const expected = value === 1 ? singular : `${singular}s`;
  if (unitText !== expected) {
    throw fail(`a value of ${value} needs the ${value === 1 ? 'singular' : 'plural'} unit "${expected}"`);
  }
  const interval = value * UNIT_MS[singular];
  const start = createdAt.getTime();
  return {
    expression,
    kind: 'rate',
    next(after) {
      const periods = Math.max(1, Math.floor((after.getTime() - start) / interval) + 1);
      return new Date(start + periods * interval);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// cron(…)
// ---------------------------------------------------------------------------------------------

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  names?: string[];
  /** Whether `a-b` with a > b wraps around (minutes 50-10, FRI-MON). */
  cyclic: boolean;
}

const MINUTES: FieldSpec = { name: 'minutes', min: 0, max: 59, cyclic: true };
const HOURS: FieldSpec = { name: 'hours', min: 0, max: 23, cyclic: true };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31, cyclic: true };
const MONTH: FieldSpec = {
  name: 'month',
  min: 1,
  max: 12,
  cyclic: true,
  names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
};
const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 1,
  max: 7,
  cyclic: true,
  names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'],
};
const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199, cyclic: false };

/** Whether a calendar day (UTC) is selected by the day-of-month or day-of-week field. */
type DayRule = (year: number, month: number, day: number) => boolean;

class FieldError extends Error {}

function cronSchedule(expression: string, body: string): Schedule {
  const fields = body.trim().toUpperCase().split(/\s+/);
  if (fields.length !== 6) {
    throw new InvalidScheduleExpressionError(
      expression,
      `a cron expression has exactly 6 fields (minutes hours day-of-month month day-of-week year), got ${body.trim() ? fields.length : 0}`,
    );
  }
  const [minuteText, hourText, dayOfMonthText, monthText, dayOfWeekText, yearText] = fields;
  if ((dayOfMonthText === '?') === (dayOfWeekText === '?')) {
    throw new InvalidScheduleExpressionError(
      expression,
      'exactly one of day-of-month and day-of-week must be "?" (the other says which days)',
    );
  }
  try {
    const minutes = sorted(parseList(minuteText, MINUTES));
    const hours = sorted(parseList(hourText, HOURS));
    const months = parseList(monthText, MONTH);
    const years = parseList(yearText, YEAR);
    const dayRule = dayOfMonthText === '?' ? parseDayOfWeek(dayOfWeekText) : parseDayOfMonth(dayOfMonthText);
    return {
      expression,
      kind: 'cron',
      next: (after) => nextCronTime(after, { minutes, hours, months, years, dayRule }),
    };
  } catch (error) {
    if (error instanceof FieldError) throw new InvalidScheduleExpressionError(expression, error.message);
    throw error;
  }
}

interface CronFields {
  minutes: number[];
  hours: number[];
  months: Set<number>;
  years: Set<number>;
  dayRule: DayRule;
}

function nextCronTime(after: Date, fields: CronFields): Date | null {
  const start = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
  const from = new Date(start);
  for (let year = Math.max(from.getUTCFullYear(), YEAR.min); year <= YEAR.max; year++) {
    if (!fields.years.has(year)) continue;
    for (let month = 1; month <= 12; month++) {
      if (!fields.months.has(month) || Date.UTC(year, month, 1) <= start) continue;
      for (let day = 1; day <= daysInMonth(year, month); day++) {
        if (Date.UTC(year, month - 1, day + 1) <= start || !fields.dayRule(year, month, day)) continue;
        for (const hour of fields.hours) {
          for (const minute of fields.minutes) {
            const time = Date.UTC(year, month - 1, day, hour, minute);
            if (time >= start) return new Date(time);
          }
        }
      }
    }
  }
  return null;
}

/** `*`, `v`, `a-b`, `*`/s, `a/s`, `a-b/s` and comma lists of them. */
function parseList(text: string, spec: FieldSpec): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [rangeText, stepText, ...extra] = item.split('/');
    if (extra.length > 0) throw new FieldError(`${spec.name}: "${item}" has more than one "/"`);
    const step = stepText === undefined ? 1 : parseStep(stepText, spec);
    const [first, last] = parseRange(rangeText, spec, stepText !== undefined);
    const span = last >= first ? last - first : last - first + (spec.max - spec.min + 1);
    for (let offset = 0; offset <= span; offset += step) {
      values.add(((first - spec.min + offset) % (spec.max - spec.min + 1)) + spec.min);
    }
  }
  return values;
}

function parseRange(text: string, spec: FieldSpec, stepped: boolean): [number, number] {
  if (text === '*') return [spec.min, spec.max];
  const [firstText, lastText, ...extra] = text.split('-');
  if (extra.length > 0) throw new FieldError(`${spec.name}: "${text}" is not a value or a range`);
  const first = parseValue(firstText, spec);
  if (lastText === undefined) return [first, stepped ? spec.max : first];
  const last = parseValue(lastText, spec);
  if (first > last && !spec.cyclic) throw new FieldError(`${spec.name}: range "${text}" runs backwards`);
  return [first, last];
}

function parseValue(text: string, spec: FieldSpec): number {
  const named = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (named >= 0) return named + spec.min;
  if (!/^\d+$/.test(text)) {
    const hint = text === '?' ? ' ("?" is only for day-of-month or day-of-week)' : '';
    throw new FieldError(`${spec.name}: "${text}" is not a valid value${hint}`);
  }
  const value = Number(text);
  if (value < spec.min || value > spec.max) {
    throw new FieldError(`${spec.name}: ${value} is outside ${spec.min}-${spec.max}`);
  }
  return value;
}

function parseStep(text: string, spec: FieldSpec): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new FieldError(`${spec.name}: step "${text}" must be a positive whole number`);
  }
  return Number(text);
}

function parseDayOfMonth(text: string): DayRule {
  if (text === 'L') return (year, month, day) => day === daysInMonth(year, month);
  if (text === 'LW') return (year, month, day) => day === lastWeekday(year, month);
  const weekday = /^(\d+)W$/.exec(text);
  if (weekday) {
    const target = parseValue(weekday[1], DAY_OF_MONTH);
    return (year, month, day) => day === nearestWeekday(year, month, target);
  }
  if (/[LW#]/i.test(text)) {
    throw new FieldError(`day-of-month: "${text}" is not valid (L, LW and nW stand alone, e.g. "L" or "15W")`);
  }
  const days = parseList(text, DAY_OF_MONTH);
  return (_year, _month, day) => days.has(day);
}

function parseDayOfWeek(text: string): DayRule {
  if (text === 'L') return (year, month, day) => weekdayOf(year, month, day) === 7;
  const last = /^(\w+)L$/.exec(text);
  if (last) {
    const target = parseValue(last[1], DAY_OF_WEEK);
    return (year, month, day) => weekdayOf(year, month, day) === target && day + 7 > daysInMonth(year, month);
  }
  const nth = /^(\w+)#(\d+)$/.exec(text);
  if (nth) {
    const target = parseValue(nth[1], DAY_OF_WEEK);
    const occurrence = Number(nth[2]);
    if (occurrence < 1 || occurrence > 5) throw new FieldError(`day-of-week: in "${text}" the week must be 1-5`);
    return (year, month, day) => weekdayOf(year, month, day) === target && Math.ceil(day / 7) === occurrence;
  }
  if (text.includes('#')) {
    throw new FieldError(`day-of-week: "${text}" is not valid ("#" stands alone, e.g. "2#1"; no lists)`);
  }
  const weekdays = parseList(text, DAY_OF_WEEK);
  return (year, month, day) => weekdays.has(weekdayOf(year, month, day));
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers (UTC)
// ---------------------------------------------------------------------------------------------

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = Sunday … 7 = Saturday, as EventBridge numbers them. */
function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

function lastWeekday(year: number, month: number): number {
  const last = daysInMonth(year, month);
  const weekday = weekdayOf(year, month, last);
  return weekday === 1 ? last - 2 : weekday === 7 ? last - 1 : last;
}

/** The Monday–Friday day nearest `target`, never leaving the month; none if the month is shorter. */
function nearestWeekday(year: number, month: number, target: number): number | undefined {
  const last = daysInMonth(year, month);
  if (target > last) return undefined;
  const weekday = weekdayOf(year, month, target);
  if (weekday === 7) return target === 1 ? 3 : target - 1;
  if (weekday === 1) return target === last ? target - 2 : target + 1;
  return target;
}

function sorted(values: Set<number>): number[] {
  return [...values].sort((a, b) => a - b);
}
