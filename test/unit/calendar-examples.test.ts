import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessMinutes,
  businessMinutesBetween,
  compileCalendar,
  isBusinessDay,
  isOpen,
  nextBusinessDay,
  type CalendarDefinitionInput,
} from '../../domain/calendar';
import { ValidationError } from '../../domain/errors';

const at = (iso: string) => Date.parse(iso);
const iso = (t: number) => new Date(t).toISOString();
const nineToFive = [{ from: '09:00', to: '17:00' }];

const hezo8x5: CalendarDefinitionInput = {
  timeZone: 'Europe/Warsaw',
  hours: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  holidays: { country: 'pl' },
};
const warsaw24x7: CalendarDefinitionInput = { timeZone: 'Europe/Warsaw', hours: 'always', holidays: { country: 'pl' } };

describe('HEZO 8x5 (Mon–Fri 09:00–17:00 Europe/Warsaw, PL public holidays)', () => {
  const cal = compileCalendar(hezo8x5);

  it('given a report on Friday 16:30, when the reaction is 1 hour, then it is due Monday 09:30', () => {
    // 2026-11-13 is a Friday; CET = UTC+1.
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T15:30:00Z'), 60))).toBe('2026-11-16T08:30:00.000Z');
  });

  it('given a report the day before Independence Day (11 Nov), when 1 hour, then due on 12 Nov 09:30', () => {
    expect(iso(addBusinessMinutes(cal, at('2026-11-10T15:30:00Z'), 60))).toBe('2026-11-12T08:30:00.000Z');
    expect(isOpen(cal, at('2026-11-11T10:00:00Z'))).toBe(false);
  });

  it('given a count that ends exactly at the close, then the due instant is the close, not the next opening', () => {
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T15:00:00Z'), 60))).toBe('2026-11-13T16:00:00.000Z');
    // And continuing from the close counts from the next opening (additivity).
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T16:00:00Z'), 30))).toBe('2026-11-16T08:30:00.000Z');
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T15:00:00Z'), 90))).toBe('2026-11-16T08:30:00.000Z');
  });

  it('given zero minutes, then an open start or a close instant stays, a closed start moves to the next opening', () => {
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T10:00:00Z'), 0))).toBe('2026-11-13T10:00:00.000Z');
    expect(iso(addBusinessMinutes(cal, at('2026-11-13T16:00:00Z'), 0))).toBe('2026-11-13T16:00:00.000Z');
    expect(iso(addBusinessMinutes(cal, at('2026-11-14T10:00:00Z'), 0))).toBe('2026-11-16T08:00:00.000Z');
  });

  it('given a report before opening, then counting starts at the opening', () => {
    expect(iso(addBusinessMinutes(cal, at('2026-11-16T05:00:00Z'), 60))).toBe('2026-11-16T09:00:00.000Z');
  });

  it('counts business minutes between two instants, skipping nights, weekends and holidays', () => {
    expect(businessMinutesBetween(cal, at('2026-11-10T15:30:00Z'), at('2026-11-12T08:30:00Z'))).toBe(60);
    expect(businessMinutesBetween(cal, at('2026-11-12T08:30:00Z'), at('2026-11-10T15:30:00Z'))).toBe(-60);
    expect(businessMinutesBetween(cal, at('2026-11-09T00:00:00Z'), at('2026-11-16T00:00:00Z'))).toBe(4 * 480);
  });

  it('closes on Wigilia (24 Dec), a public holiday in date-holidays from 2025', () => {
    expect(isOpen(cal, at('2026-12-24T10:00:00Z'))).toBe(false);
    expect(isOpen(cal, at('2026-12-23T10:00:00Z'))).toBe(true);
  });

  it('NBD: a report on Friday is due at the end of Monday; on the day before a holiday, the day after it', () => {
    expect(iso(nextBusinessDay(cal, at('2026-11-13T07:00:00Z')))).toBe('2026-11-16T16:00:00.000Z');
    expect(iso(nextBusinessDay(cal, at('2026-11-10T07:00:00Z')))).toBe('2026-11-12T16:00:00.000Z');
    // The report day never counts, even before opening.
    expect(iso(nextBusinessDay(cal, at('2026-11-12T05:00:00Z')))).toBe('2026-11-13T16:00:00.000Z');
  });

  it('N business days skip weekends and holidays', () => {
    // Tue 10 Nov + 3 business days: Thu 12, Fri 13, Mon 16.
    expect(iso(addBusinessDays(cal, at('2026-11-10T12:00:00Z'), 3))).toBe('2026-11-16T16:00:00.000Z');
    // Across Christmas: Wed 23 Dec + 2 → (24, 25, 26 holidays, 27 Sun) Mon 28, Tue 29.
    expect(iso(addBusinessDays(cal, at('2026-12-23T12:00:00Z'), 2))).toBe('2026-12-29T16:00:00.000Z');
    // Across the new year.
    expect(iso(addBusinessDays(cal, at('2026-12-30T12:00:00Z'), 2))).toBe('2027-01-04T16:00:00.000Z');
    expect(isBusinessDay(cal, at('2026-11-11T12:00:00Z'))).toBe(false);
    expect(isBusinessDay(cal, at('2026-11-12T22:30:00Z'))).toBe(true); // 23:30 local, still the 12th
  });

  it('refuses instants outside 2000–2100 with a RangeError', () => {
    expect(() => addBusinessMinutes(cal, at('1999-12-31T00:00:00Z'), 1)).toThrow(RangeError);
    expect(() => isOpen(cal, at('2101-06-01T00:00:00Z'))).toThrow(/2101-01-01/);
    expect(() => addBusinessMinutes(cal, at('2100-12-31T10:00:00Z'), 600)).toThrow(RangeError);
    expect(() => addBusinessMinutes(cal, at('2026-01-01T00:00:00Z'), -1)).toThrow(RangeError);
    expect(() => addBusinessDays(cal, at('2026-01-01T00:00:00Z'), 0)).toThrow(RangeError);
  });
});

describe('DST in Europe/Warsaw (last Sunday of March and of October)', () => {
  it('24x7: 60 minutes across the spring-forward change are 60 real minutes', () => {
    const cal = compileCalendar(warsaw24x7);
    // 01:30 CET (00:30Z) + 60 min = 03:30 CEST (01:30Z).
    expect(iso(addBusinessMinutes(cal, at('2026-03-29T00:30:00Z'), 60))).toBe('2026-03-29T01:30:00.000Z');
    expect(businessMinutesBetween(cal, at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * 60);
    expect(businessMinutesBetween(cal, at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(25 * 60);
  });

  it('24x7 with holidays: business days skip holidays, but the minutes run through them', () => {
    const cal = compileCalendar(warsaw24x7);
    expect(isOpen(cal, at('2026-11-11T10:00:00Z'))).toBe(true);
    // NBD from Tuesday 10 Nov is the end (24:00 local) of Thursday 12 Nov.
    expect(iso(nextBusinessDay(cal, at('2026-11-10T10:00:00Z')))).toBe('2026-11-12T23:00:00.000Z');
  });

  const night = (from: string, to: string): CalendarDefinitionInput => ({
    timeZone: 'Europe/Warsaw',
    hours: { sun: [{ from, to }] },
  });

  it('a window 01:00–04:00 is 2 real hours on the spring-forward night and 4 on the fall-back night', () => {
    const cal = compileCalendar(night('01:00', '04:00'));
    expect(businessMinutesBetween(cal, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(cal, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(240);
    expect(businessMinutesBetween(cal, at('2026-04-04T12:00:00Z'), at('2026-04-05T12:00:00Z'))).toBe(180);
    // 01:00 CEST on 25 Oct = 23:00Z on the 24th; 4 real hours later = 03:00Z (04:00 CET).
    expect(iso(addBusinessMinutes(cal, at('2026-10-24T12:00:00Z'), 240))).toBe('2026-10-25T03:00:00.000Z');
  });

  it('a wall time in the spring-forward gap moves forward by the gap (02:30 → 03:30 CEST)', () => {
    const cal = compileCalendar(night('02:30', '05:00'));
    expect(isOpen(cal, at('2026-03-29T01:15:00Z'))).toBe(false); // 03:15 CEST
    expect(isOpen(cal, at('2026-03-29T01:30:00Z'))).toBe(true); // 03:30 CEST
    expect(businessMinutesBetween(cal, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(90);
  });

  it('a wall time that exists twice (fall-back) is the earlier instant, so 02:00–03:00 covers both passes', () => {
    const cal = compileCalendar(night('02:00', '03:00'));
    expect(businessMinutesBetween(cal, at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(120);
    expect(isOpen(cal, at('2026-10-25T00:00:00Z'))).toBe(true); // 02:00 CEST
  });
});

describe('windows', () => {
  it('two windows a day: the lunch break does not count', () => {
    const split = [{ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }];
    const cal = compileCalendar({ timeZone: 'Europe/Zurich', hours: { mon: split, tue: split, wed: split, thu: split, fri: split }, holidays: { country: 'ch', subdivision: 'be' } });
    // Mon 2026-11-16 11:30 CET (10:30Z) + 60 min = 13:30 CET.
    expect(iso(addBusinessMinutes(cal, at('2026-11-16T10:30:00Z'), 60))).toBe('2026-11-16T12:30:00.000Z');
    // Ends exactly at the 12:00 close.
    expect(iso(addBusinessMinutes(cal, at('2026-11-16T10:30:00Z'), 30))).toBe('2026-11-16T11:00:00.000Z');
    expect(isOpen(cal, at('2026-11-16T11:30:00Z'))).toBe(false);
    // Berchtoldstag (2 Jan) is a public holiday in Bern.
    expect(isOpen(cal, at('2026-01-02T09:00:00Z'))).toBe(false);
    expect(iso(nextBusinessDay(cal, at('2026-11-16T10:30:00Z')))).toBe('2026-11-17T16:00:00.000Z');
  });

  it('a window ending at 24:00 runs into the next day\'s 00:00 window without a gap', () => {
    const late = [{ from: '18:00', to: '24:00' }];
    const early = [{ from: '00:00', to: '02:00' }];
    const cal = compileCalendar({ timeZone: 'America/New_York', hours: { mon: late, tue: early } });
    // Mon 2026-11-16 23:30 EST (04:30Z Tue) + 60 = 00:30 Tue EST.
    expect(iso(addBusinessMinutes(cal, at('2026-11-17T04:30:00Z'), 60))).toBe('2026-11-17T05:30:00.000Z');
    expect(iso(nextBusinessDay(cal, at('2026-11-16T12:00:00Z')))).toBe('2026-11-17T07:00:00.000Z');
  });

  it('extra closed dates close the whole local day', () => {
    const cal = compileCalendar({ ...hezo8x5, closedDates: ['2026-11-12'] });
    expect(iso(addBusinessMinutes(cal, at('2026-11-10T15:30:00Z'), 60))).toBe('2026-11-13T08:30:00.000Z');
  });
});

describe('holidays from date-holidays', () => {
  it('Swedish midsummer eve is a "bank" holiday: it closes only when bank holidays are chosen', () => {
    const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
    const publicOnly = compileCalendar({ timeZone: 'Europe/Stockholm', hours: weekdays, holidays: { country: 'se' } });
    const withBank = compileCalendar({ timeZone: 'Europe/Stockholm', hours: weekdays, holidays: { country: 'se', types: ['public', 'bank'] } });
    const eve = at('2026-06-19T10:00:00Z'); // Friday
    expect(isOpen(publicOnly, eve)).toBe(true);
    expect(isOpen(withBank, eve)).toBe(false);
  });

  it('a part-day holiday (valborgsmässoafton, optional, from 12:00) closes the whole day when its type is chosen', () => {
    const weekdays = { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive };
    const cal = compileCalendar({ timeZone: 'Europe/Stockholm', hours: weekdays, holidays: { country: 'se', types: ['public', 'optional'] } });
    expect(isOpen(cal, at('2026-04-30T07:30:00Z'))).toBe(false); // 09:30 CEST
  });
});

describe('definition schema', () => {
  const refused = (definition: unknown) => {
    try {
      compileCalendar(definition as CalendarDefinitionInput);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fields;
    }
    throw new Error('accepted');
  };

  it('refuses overlapping windows, to ≤ from, unknown zones, countries and subdivisions, with paths', () => {
    expect(refused({ timeZone: 'Europe/Nowhere', hours: 'always' })).toEqual([{ path: 'timeZone', message: expect.stringContaining('IANA') }]);
    expect(refused({ timeZone: 'UTC', hours: { mon: [{ from: '09:00', to: '12:00' }, { from: '11:00', to: '13:00' }] } })).toEqual([
      { path: 'hours.mon.1.from', message: 'Windows on mon overlap: 11:00–13:00 starts before 09:00–12:00 ends.' },
    ]);
    expect(refused({ timeZone: 'UTC', hours: { tue: [{ from: '10:00', to: '10:00' }] } })).toEqual([
      { path: 'hours.tue.0.to', message: 'A window must end after it starts (to > from).' },
    ]);
    expect(refused({ timeZone: 'UTC', hours: {} })[0].message).toMatch(/at least one opening window/);
    expect(refused({ timeZone: 'UTC', hours: 'always', holidays: { country: 'xx' } })).toEqual([
      { path: 'holidays.country', message: 'No holiday data for country "xx".' },
    ]);
    expect(refused({ timeZone: 'UTC', hours: 'always', holidays: { country: 'ch', subdivision: 'zz' } })[0].path).toBe('holidays.subdivision');
    expect(refused({ timeZone: 'UTC', hours: 'always', closedDates: ['2026-02-30'] })[0].path).toBe('closedDates.0');
  });

  it('defaults holiday types to public', () => {
    expect(compileCalendar(hezo8x5).definition.holidays?.types).toEqual(['public']);
  });
});
