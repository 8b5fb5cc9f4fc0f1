import { afterEach, describe, expect, it } from 'vitest';
import { InvalidScheduleExpressionError, parseScheduleExpression } from '../../infra/local/schedule-expression';
import { functions } from '../../infra/topology';

const at = (iso: string) => new Date(iso);

/** The first `count` fire times strictly after `after`, as ISO strings. */
function fireTimes(expression: string, after: string, count = 1, createdAt?: string): (string | null)[] {
  const schedule = parseScheduleExpression(expression, createdAt ? { createdAt: at(createdAt) } : {});
  const times: (string | null)[] = [];
  let cursor: Date | null = at(after);
  for (let i = 0; i < count && cursor; i++) {
    cursor = schedule.next(cursor);
    times.push(cursor ? cursor.toISOString() : null);
  }
  return times;
}

describe('rate expressions', () => {
  const created = '2026-03-01T10:00:30.000Z';

  it.each<[string, string, string[]]>([
    ['rate(1 minute)', created, ['2026-03-01T10:01:30.000Z', '2026-03-01T10:02:30.000Z']],
    ['rate(5 minutes)', created, ['2026-03-01T10:05:30.000Z', '2026-03-01T10:10:30.000Z']],
    ['rate(5 minutes)', '2026-03-01T10:05:29.999Z', ['2026-03-01T10:05:30.000Z']],
    ['rate(5 minutes)', '2026-03-01T10:05:30.000Z', ['2026-03-01T10:10:30.000Z']],
    ['rate(5 minutes)', '2026-03-01T11:03:00.000Z', ['2026-03-01T11:05:30.000Z']],
    ['rate(5 minutes)', '2026-02-01T00:00:00.000Z', ['2026-03-01T10:05:30.000Z']],
    ['rate(1 hour)', created, ['2026-03-01T11:00:30.000Z', '2026-03-01T12:00:30.000Z']],
    ['rate(12 hours)', created, ['2026-03-01T22:00:30.000Z', '2026-03-02T10:00:30.000Z']],
    ['rate(1 day)', '2026-03-28T12:00:00.000Z', ['2026-03-29T10:00:30.000Z', '2026-03-30T10:00:30.000Z']],
    ['rate(2 days)', created, ['2026-03-03T10:00:30.000Z', '2026-03-05T10:00:30.000Z']],
  ])('%s after %s', (expression, after, expected) => {
    expect(fireTimes(expression, after, expected.length, created)).toEqual(expected);
  });

  it('counts from now when no creation time is given', () => {
    const before = Date.now();
    const next = parseScheduleExpression('rate(1 minute)').next(new Date())!.getTime();
    expect(next).toBeGreaterThanOrEqual(before + 60_000);
    expect(next).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('reports its kind', () => {
    expect(parseScheduleExpression('rate(1 minute)').kind).toBe('rate');
    expect(parseScheduleExpression('cron(0 0 * * ? *)').kind).toBe('cron');
  });
});

describe('cron expressions', () => {
  it.each<[description: string, expression: string, after: string, expected: (string | null)[]]>([
    ['daily at 10:00', 'cron(0 10 * * ? *)', '2026-03-01T09:59:00Z', ['2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z']],
    ['strictly after the given time', 'cron(0 10 * * ? *)', '2026-03-01T10:00:00Z', ['2026-03-02T10:00:00.000Z']],
    ['seconds are ignored', 'cron(0 10 * * ? *)', '2026-03-01T09:59:59.999Z', ['2026-03-01T10:00:00.000Z']],
    ['every minute', 'cron(* * * * ? *)', '2026-03-01T23:59:10Z', ['2026-03-02T00:00:00.000Z', '2026-03-02T00:01:00.000Z']],
    ['12:15 daily', 'cron(15 12 * * ? *)', '2026-03-01T12:16:00Z', ['2026-03-02T12:15:00.000Z']],
    ['every 15 minutes from 0', 'cron(0/15 * * * ? *)', '2026-03-01T10:07:00Z', ['2026-03-01T10:15:00.000Z', '2026-03-01T10:30:00.000Z']],
    ['every 10 minutes from 1', 'cron(1/10 * * * ? *)', '2026-03-01T10:01:00Z', ['2026-03-01T10:11:00.000Z', '2026-03-01T10:21:00.000Z']],
    ['*/20', 'cron(*/20 * * * ? *)', '2026-03-01T10:41:00Z', ['2026-03-01T11:00:00.000Z']],
    ['range with a step', 'cron(0 8-17/4 * * ? *)', '2026-03-01T12:00:00Z', ['2026-03-01T16:00:00.000Z', '2026-03-02T08:00:00.000Z']],
    ['lists', 'cron(0,30 9,17 * * ? *)', '2026-03-01T09:30:00Z', ['2026-03-01T17:00:00.000Z', '2026-03-01T17:30:00.000Z']],
    ['weekdays by name', 'cron(0 18 ? * MON-FRI *)', '2026-03-06T18:00:00Z', ['2026-03-09T18:00:00.000Z', '2026-03-10T18:00:00.000Z']],
    ['1 is Sunday', 'cron(0 0 ? * 1 *)', '2026-03-02T00:00:00Z', ['2026-03-08T00:00:00.000Z']],
    ['7 is Saturday', 'cron(0 0 ? * 7 *)', '2026-03-02T00:00:00Z', ['2026-03-07T00:00:00.000Z']],
    ['names ignore case', 'cron(0 0 ? jan mon *)', '2026-03-01T00:00:00Z', ['2027-01-04T00:00:00.000Z']],
    ['first of month', 'cron(0 8 1 * ? *)', '2026-03-01T08:00:00Z', ['2026-04-01T08:00:00.000Z']],
    ['month names', 'cron(0 0 1 JAN,JUL ? *)', '2026-03-01T00:00:00Z', ['2026-07-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']],
    ['31st skips short months', 'cron(0 0 31 * ? *)', '2026-03-31T00:00:00Z', ['2026-05-31T00:00:00.000Z', '2026-07-31T00:00:00.000Z']],
    ['29 February only in leap years', 'cron(0 0 29 2 ? *)', '2026-01-01T00:00:00Z', ['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']],
    ['L: last day of the month', 'cron(0 0 L * ? *)', '2026-02-01T00:00:00Z', ['2026-02-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z', '2026-04-30T00:00:00.000Z']],
    ['L in a leap February', 'cron(0 0 L 2 ? *)', '2027-03-01T00:00:00Z', ['2028-02-29T00:00:00.000Z']],
    ['LW: last weekday (31 May 2026 is a Sunday)', 'cron(0 0 LW * ? *)', '2026-05-01T00:00:00Z', ['2026-05-29T00:00:00.000Z', '2026-06-30T00:00:00.000Z']],
    ['15W on a Saturday is Friday 14th', 'cron(0 9 15W * ? *)', '2026-08-01T00:00:00Z', ['2026-08-14T09:00:00.000Z']],
    ['15W on a Sunday is Monday 16th', 'cron(0 9 15W * ? *)', '2026-11-01T00:00:00Z', ['2026-11-16T09:00:00.000Z']],
    ['15W on a weekday is the 15th', 'cron(0 9 15W * ? *)', '2026-05-01T00:00:00Z', ['2026-05-15T09:00:00.000Z']],
    ['1W on a Saturday moves forward to Monday 3rd', 'cron(0 9 1W * ? *)', '2026-07-31T00:00:00Z', ['2026-08-03T09:00:00.000Z']],
    ['1W on a Sunday is Monday 2nd', 'cron(0 9 1W * ? *)', '2026-10-31T00:00:00Z', ['2026-11-02T09:00:00.000Z']],
    ['31W on a Sunday moves back to Friday 29th', 'cron(0 9 31W * ? *)', '2026-05-01T00:00:00Z', ['2026-05-29T09:00:00.000Z']],
    ['L in day-of-week is Saturday', 'cron(0 0 ? * L *)', '2026-03-01T00:00:00Z', ['2026-03-07T00:00:00.000Z']],
    ['6L: last Friday of the month', 'cron(0 9 ? * 6L *)', '2026-02-01T00:00:00Z', ['2026-02-27T09:00:00.000Z', '2026-03-27T09:00:00.000Z', '2026-04-24T09:00:00.000Z']],
    ['6L when the last Friday is the last day (31 July 2026)', 'cron(0 9 ? * 6L *)', '2026-07-01T00:00:00Z', ['2026-07-31T09:00:00.000Z']],
    ['FRIL: last Friday by name', 'cron(0 9 ? * FRIL *)', '2026-05-01T00:00:00Z', ['2026-05-29T09:00:00.000Z']],
    ['3#2: second Tuesday', 'cron(0 9 ? * 3#2 *)', '2026-03-01T00:00:00Z', ['2026-03-10T09:00:00.000Z', '2026-04-14T09:00:00.000Z', '2026-05-12T09:00:00.000Z']],
    ['MON#1: first Monday', 'cron(0 9 ? * MON#1 *)', '2026-06-01T09:00:00Z', ['2026-07-06T09:00:00.000Z']],
    ['MON#5 skips months without a fifth Monday', 'cron(0 9 ? * MON#5 *)', '2026-03-31T00:00:00Z', ['2026-06-29T09:00:00.000Z']],
    ['a single year', 'cron(0 0 1 1 ? 2027)', '2026-06-01T00:00:00Z', ['2027-01-01T00:00:00.000Z', null]],
    ['a past year never fires', 'cron(0 0 * * ? 2020)', '2026-06-01T00:00:00Z', [null]],
    ['a year range with a step', 'cron(0 0 1 1 ? 2030-2034/2)', '2026-06-01T00:00:00Z', ['2030-01-01T00:00:00.000Z', '2032-01-01T00:00:00.000Z', '2034-01-01T00:00:00.000Z', null]],
    ['a year list', 'cron(0 0 1 1 ? 2028,2031)', '2028-01-01T00:00:00Z', ['2031-01-01T00:00:00.000Z']],
    ['an impossible date never fires', 'cron(0 0 30 2 ? *)', '2026-01-01T00:00:00Z', [null]],
    ['topology sweep', 'cron(5 0 * * ? *)', '2026-12-31T23:59:00Z', ['2027-01-01T00:05:00.000Z']],
  ])('%s: %s', (_description, expression, after, expected) => {
    expect(fireTimes(expression, after, expected.length)).toEqual(expected);
  });

  it('wraps ranges that run past the end of a cyclic field (local choice)', () => {
    expect(fireTimes('cron(0 22-1 * * ? *)', '2026-03-01T12:00:00Z', 4)).toEqual([
      '2026-03-01T22:00:00.000Z',
      '2026-03-01T23:00:00.000Z',
      '2026-03-02T00:00:00.000Z',
      '2026-03-02T01:00:00.000Z',
    ]);
  });

  describe('is evaluated in UTC, whatever the local zone and its DST', () => {
    const originalZone = process.env.TZ;
    afterEach(() => {
      process.env.TZ = originalZone;
    });

    it.each(['UTC', 'Europe/Stockholm', 'America/New_York', 'Australia/Lord_Howe'])('TZ=%s', (zone) => {
      process.env.TZ = zone;
      // Europe switches to summer time on 29 March 2026 and America on 8 March 2026.
      expect(fireTimes('cron(30 1 * * ? *)', '2026-03-27T12:00:00Z', 4)).toEqual([
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-03-30T01:30:00.000Z',
        '2026-03-31T01:30:00.000Z',
      ]);
      expect(fireTimes('cron(0 2 ? * SUN *)', '2026-03-01T03:00:00Z', 2)).toEqual([
        '2026-03-08T02:00:00.000Z',
        '2026-03-15T02:00:00.000Z',
      ]);
      expect(fireTimes('cron(0 0 L * ? *)', '2026-10-01T00:00:00Z', 1)).toEqual(['2026-10-31T00:00:00.000Z']);
    });
  });
});

describe('invalid expressions', () => {
  it.each<[string, RegExp]>([
    ['', /expected rate\(value unit\) or cron/],
    ['every 5 minutes', /expected rate\(value unit\) or cron/],
    ['Rate(5 minutes)', /expected rate/],
    ['rate(5minutes)', /"value unit"/],
    ['rate(1 minutes)', /value of 1 needs the singular unit "minute"/],
    ['rate(5 minute)', /value of 5 needs the plural unit "minutes"/],
    ['rate(1 hours)', /singular unit "hour"/],
    ['rate(2 day)', /plural unit "days"/],
    ['rate(0 minutes)', /positive whole number/],
    ['rate(-1 minutes)', /positive whole number/],
    ['rate(1.5 hours)', /positive whole number/],
    ['rate(1 week)', /unknown unit "week"/],
    ['rate(30 seconds)', /unknown unit "seconds"/],
    ['cron()', /exactly 6 fields .* got 0/],
    ['cron(0 10 * * ?)', /exactly 6 fields .* got 5/],
    ['cron(0 10 * * ? * *)', /exactly 6 fields .* got 7/],
    ['cron(0 10 * * * *)', /exactly one of day-of-month and day-of-week must be "\?"/],
    ['cron(0 10 ? * ? *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 10 1 * MON *)', /exactly one of day-of-month and day-of-week/],
    ['cron(60 0 * * ? *)', /minutes: 60 is outside 0-59/],
    ['cron(0 24 * * ? *)', /hours: 24 is outside 0-23/],
    ['cron(0 0 32 * ? *)', /day-of-month: 32 is outside 1-31/],
    ['cron(0 0 0 * ? *)', /day-of-month: 0 is outside 1-31/],
    ['cron(0 0 1 13 ? *)', /month: 13 is outside 1-12/],
    ['cron(0 0 ? * 0 *)', /day-of-week: 0 is outside 1-7/],
    ['cron(0 0 ? * 8 *)', /day-of-week: 8 is outside 1-7/],
    ['cron(0 0 1 1 ? 1969)', /year: 1969 is outside 1970-2199/],
    ['cron(0 0 1 1 ? 2200)', /year: 2200 is outside 1970-2199/],
    ['cron(0 0 1 FOO ? *)', /month: "FOO" is not a valid value/],
    ['cron(0 0 ? * MOND *)', /day-of-week: "MOND" is not a valid value/],
    ['cron(0 0 1 * ? MON)', /year: "MON" is not a valid value/],
    ['cron(0 0 ? * SUN-FOO *)', /"FOO" is not a valid value/],
    ['cron(? 0 * * ? *)', /minutes: "\?" is not a valid value \("\?" is only for day-of-month or day-of-week\)/],
    ['cron(0 0 ? ? 1 *)', /month: "\?" is not a valid value/],
    ['cron(*/0 * * * ? *)', /step "0" must be a positive whole number/],
    ['cron(0/x * * * ? *)', /step "X" must be a positive whole number/],
    ['cron(0/5/5 * * * ? *)', /more than one "\/"/],
    ['cron(1-2-3 * * * ? *)', /not a value or a range/],
    ['cron(0 0 1 1 ? 2030-2027)', /year: range "2030-2027" runs backwards/],
    ['cron(0 0 ? * 2#6 *)', /week must be 1-5/],
    ['cron(0 0 ? * 2#0 *)', /week must be 1-5/],
    ['cron(0 0 ? * 2#1,3#2 *)', /"#" stands alone/],
    ['cron(0 0 ? * 9#1 *)', /day-of-week: 9 is outside 1-7/],
    ['cron(0 0 1W,15 * ? *)', /stand alone/],
    ['cron(0 0 40W * ? *)', /day-of-month: 40 is outside 1-31/],
    ['cron(0 0 ? * 8L *)', /day-of-week: 8 is outside 1-7/],
    ['cron(0 0 5L * ? *)', /day-of-month: "5L" is not valid/],
    ['cron(0 0 , * ? *)', /day-of-month: "" is not a valid value/],
  ])('%j', (expression, message) => {
    expect(() => parseScheduleExpression(expression)).toThrow(InvalidScheduleExpressionError);
    expect(() => parseScheduleExpression(expression)).toThrow(message);
  });

  it('names the expression in the error', () => {
    expect(() => parseScheduleExpression('cron(0 10 * * ?)')).toThrow(/^Invalid schedule expression "cron\(0 10 \* \* \?\)": /);
  });
});

describe('the schedules declared in the topology', () => {
  const schedules = Object.entries(functions).flatMap(([name, definition]) =>
    definition.triggers.flatMap((trigger) => (trigger.kind === 'schedule' ? [{ name, trigger }] : [])),
  );

  it('declares at least one schedule', () => {
    expect(schedules.length).toBeGreaterThan(0);
  });

  it.each(schedules)('$name / $trigger.name parses and fires within a year', ({ trigger }) => {
    const schedule = parseScheduleExpression(trigger.expression, { createdAt: at('2026-01-01T00:00:00Z') });
    const next = schedule.next(at('2026-01-01T00:00:00Z'));
    expect(next).not.toBeNull();
    expect(next!.getTime()).toBeLessThanOrEqual(at('2027-01-01T00:00:00Z').getTime());
  });
});
