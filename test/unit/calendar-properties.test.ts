import fc from 'fast-check';
import { DateTime } from 'luxon';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  isOpen,
  type CalendarDefinitionInput,
} from '../../domain/calendar';

/*
 * Properties of addBusinessMinutes / businessMinutesBetween, and agreement with a plain
 * minute-by-minute reference that reads each minute's local wall time with luxon. The test
 * calendars keep window edges away from the DST change hours (where the calendar's documented
 * gap/repeat rules, tested by example, differ from "open when the wall clock reads inside").
 */

const nineToFive = [{ from: '09:00', to: '17:00' }];
const split = [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:30' }];
const evening = [{ from: '16:00', to: '24:00' }];

const calendars: Record<string, CalendarDefinitionInput> = {
  'HEZO 8x5 Warsaw, PL public': {
    timeZone: 'Europe/Warsaw',
    hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: { country: 'pl' },
  },
  'split windows Zurich, CH-BE public': {
    timeZone: 'Europe/Zurich',
    hours: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [{ from: '09:00', to: '12:00' }] },
    holidays: { country: 'ch', subdivision: 'be' },
    closedDates: ['2026-12-31', '2027-12-31'],
  },
  'to 24:00, across the DST night, Warsaw': {
    timeZone: 'Europe/Warsaw',
    hours: { fri: evening, sat: [{ from: '00:00', to: '24:00' }], sun: [{ from: '00:00', to: '06:00' }] },
    holidays: { country: 'pl', types: ['public', 'optional'] },
  },
  '24x7 Stockholm': { timeZone: 'Europe/Stockholm', hours: 'always', holidays: { country: 'se' } },
  '8x5 New York, US-NY public': {
    timeZone: 'America/New_York',
    hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
    holidays: { country: 'us', subdivision: 'ny' },
  },
};

const MINUTE = 60_000;
const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 11, 20);

/** An independent reference: open-ness of one minute by reading its local wall time. */
function reference(definition: CalendarDefinitionInput) {
  const zone = definition.timeZone;
  const hours = definition.hours;
  const source = definition.holidays;
  const closed = new Set(definition.closedDates ?? []);
  if (source) {
    const hd = source.subdivision ? new Holidays(source.country, source.subdivision) : new Holidays(source.country);
    const types = source.types ?? ['public'];
    for (const year of [2025, 2026, 2027, 2028])
      for (const h of hd.getHolidays(year)) if (types.includes(h.type)) closed.add(h.date.slice(0, 10));
  }
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
  const cache = new Map<number, boolean>();
  const openMinute = (minuteStart: number): boolean => {
    const hit = cache.get(minuteStart);
    if (hit !== undefined) return hit;
    let open: boolean;
    if (hours === 'always') open = true;
    else {
      const local = DateTime.fromMillis(minuteStart, { zone });
      const windows = closed.has(local.toISODate()!) ? [] : (hours[days[local.weekday - 1]] ?? []);
      const m = local.hour * 60 + local.minute;
      const mins = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
      open = windows.some((w) => mins(w.from) <= m && m < mins(w.to));
    }
    cache.set(minuteStart, open);
    return open;
  };
  const add = (start: number, minutes: number): number => {
    let remaining = minutes * MINUTE;
    let t = start;
    for (;;) {
      const minuteStart = Math.floor(t / MINUTE) * MINUTE;
      const next = minuteStart + MINUTE;
      if (openMinute(minuteStart)) {
        if (remaining <= next - t) return t + remaining;
        remaining -= next - t;
      }
      t = next;
    }
  };
  return { openMinute, add };
}

const instant = fc.integer({ min: FROM, max: TO });
/** Mostly whole minutes (as reports are stamped), sometimes any millisecond. */
const start = fc.oneof(instant.map((t) => Math.floor(t / MINUTE) * MINUTE), instant);
const minutes = fc.integer({ min: 1, max: 3000 });

for (const [name, definition] of Object.entries(calendars)) {
  describe(name, () => {
    const cal = compileCalendar(definition);
    const ref = reference(definition);

    it('agrees with the minute-by-minute reference', () => {
      fc.assert(
        fc.property(start, fc.integer({ min: 1, max: 2500 }), (s, m) => {
          expect(addBusinessMinutes(cal, s, m)).toBe(ref.add(s, m));
          expect(isOpen(cal, s)).toBe(ref.openMinute(Math.floor(s / MINUTE) * MINUTE));
        }),
        { numRuns: 40 },
      );
    });

    it('agrees with the reference when the count ends exactly at a close (minutes up to an instant)', () => {
      const wholeMinute = instant.map((t) => Math.floor(t / MINUTE) * MINUTE);
      fc.assert(
        fc.property(wholeMinute, fc.integer({ min: 1, max: 5 * 24 * 60 }), (s, span) => {
          const c = s + span * MINUTE;
          const m = businessMinutesBetween(cal, s, c);
          fc.pre(m >= 1);
          const due = addBusinessMinutes(cal, s, m);
          expect(due).toBe(ref.add(s, m));
          expect(due).toBeLessThanOrEqual(c);
          // Inside an open stretch the count reaches c itself; when c is an opening, the count
          // already ended at the close before it.
          if (isOpen(cal, c - 1)) expect(due).toBe(c);
          else expect(isOpen(cal, due)).toBe(false);
        }),
        { numRuns: 40 },
      );
    });

    it('is monotonic in start and in minutes', () => {
      fc.assert(
        fc.property(start, start, minutes, minutes, (s1, s2, m1, m2) => {
          const [a, b] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const [p, q] = m1 <= m2 ? [m1, m2] : [m2, m1];
          expect(addBusinessMinutes(cal, a, p)).toBeLessThanOrEqual(addBusinessMinutes(cal, b, p));
          expect(addBusinessMinutes(cal, a, p)).toBeLessThanOrEqual(addBusinessMinutes(cal, a, q));
        }),
        { numRuns: 300 },
      );
    });

    it('is additive, also with zero: add(add(s, a), b) = add(s, a + b)', () => {
      fc.assert(
        fc.property(start, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (s, a, b) => {
          expect(addBusinessMinutes(cal, addBusinessMinutes(cal, s, a), b)).toBe(addBusinessMinutes(cal, s, a + b));
        }),
        { numRuns: 500 },
      );
    });

    it('never lands strictly inside a closed period, and between() inverts it', () => {
      fc.assert(
        fc.property(start, fc.integer({ min: 0, max: 20_000 }), (s, m) => {
          const due = addBusinessMinutes(cal, s, m);
          expect(due).toBeGreaterThanOrEqual(s);
          // Open at the result, or open just before it (a close instant).
          expect(isOpen(cal, due) || isOpen(cal, due - 1)).toBe(true);
          expect(businessMinutesBetween(cal, s, due)).toBe(m);
        }),
        { numRuns: 500 },
      );
    });

    it('between() is additive over a split point and never negative forwards', () => {
      fc.assert(
        fc.property(instant, instant, instant, (x, y, z) => {
          const [a, b, c] = [x, y, z].sort((u, v) => u - v);
          const ab = businessMinutesBetween(cal, a, b);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab + businessMinutesBetween(cal, b, c)).toBeCloseTo(businessMinutesBetween(cal, a, c), 6);
        }),
        { numRuns: 300 },
      );
    });
  });
}
