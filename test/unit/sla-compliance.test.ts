import { describe, expect, it } from 'vitest';
import { csvField, median, nearestRank, slaCompliance, toCsv, type ComplianceInput, type ComplianceRow } from '../../domain/ticket/compliance';
import type { ClockView } from '../../domain/ticket/view';

/** The SLA compliance report's aggregation, on hand-built ticket views (only what the report reads). */

type Metric = ClockView['metric'];
const clock = (metric: Metric, status: ClockView['status'], elapsedMinutes: number, breached = false): ClockView => ({
  metric, cycle: status === 'pending' ? 0 : 1, status, elapsedMinutes, warned: breached, breached,
  ...(status === 'pending' ? {} : { targetMinutes: 60 }),
  ...(status === 'stopped' ? { met: !breached } : {}),
});
const ticket = (planId: string, openedAt: string, ...clocks: ClockView[]): ComplianceInput => ({ planId, openedAt, clocks });
const met = (minutes: number, metric: Metric = 'reaction') => clock(metric, 'stopped', minutes);
const row = (rows: ComplianceRow[], month: string, planId: string, metric: Metric) => rows.find((r) => r.month === month && r.planId === planId && r.metric === metric);

describe('SLA compliance aggregation', () => {
  it('counts met, breached (also when stopped later) and open clocks; pending clocks are not counted', () => {
    // Given one plan's tickets in March: met twice, breached while running, breached then answered, running, paused, pending.
    const views = [
      ticket('gold', '2026-03-02T09:00:00.000Z', met(10)),
      ticket('gold', '2026-03-03T09:00:00.000Z', met(30)),
      ticket('gold', '2026-03-04T09:00:00.000Z', clock('reaction', 'running', 75, true)),
      ticket('gold', '2026-03-05T09:00:00.000Z', clock('reaction', 'stopped', 90, true)),
      ticket('gold', '2026-03-06T09:00:00.000Z', clock('reaction', 'running', 5)),
      ticket('gold', '2026-03-07T09:00:00.000Z', clock('reaction', 'paused', 20), clock('on-site', 'pending', 0)),
    ];
    // When aggregated
    const rows = slaCompliance(views);
    // Then one row: 2 met, 2 breached, 2 open; 50 %; times over the 3 stopped clocks (10, 30, 90).
    expect(rows).toEqual([
      { planId: 'gold', month: '2026-03', metric: 'reaction', met: 2, breached: 2, open: 2, total: 6, metPercent: 50, medianMinutes: 30, p90Minutes: 90 },
    ]);
  });

  it('metPercent is null when nothing is decided, and rounded to one decimal otherwise; times null without a stopped clock', () => {
    const rows = slaCompliance([ticket('gold', '2026-03-02T09:00:00.000Z', clock('reaction', 'running', 5))]);
    expect(rows[0]).toMatchObject({ met: 0, breached: 0, open: 1, total: 1, metPercent: null, medianMinutes: null, p90Minutes: null });
    const third = slaCompliance([
      ticket('gold', '2026-03-02T09:00:00.000Z', met(1)),
      ticket('gold', '2026-03-02T10:00:00.000Z', clock('reaction', 'running', 61, true)),
      ticket('gold', '2026-03-02T11:00:00.000Z', clock('reaction', 'running', 62, true)),
    ]);
    expect(third[0]).toMatchObject({ met: 1, breached: 2, metPercent: 33.3, medianMinutes: 1, p90Minutes: 1 });
  });

  it('median: the middle value for an odd count, the mean of the two middle values for an even count; p90 by nearest rank', () => {
    // Odd: 5 values → median is the 3rd, p90 the ⌈4.5⌉ = 5th.
    const odd = slaCompliance([50, 10, 40, 20, 30].map((m, i) => ticket('gold', `2026-03-0${i + 1}T09:00:00.000Z`, met(m))));
    expect(odd[0]).toMatchObject({ medianMinutes: 30, p90Minutes: 50 });
    // Even: 4 values → median (20 + 30) / 2, p90 the ⌈3.6⌉ = 4th.
    const even = slaCompliance([40, 10, 30, 20].map((m, i) => ticket('gold', `2026-03-0${i + 1}T09:00:00.000Z`, met(m))));
    expect(even[0]).toMatchObject({ medianMinutes: 25, p90Minutes: 40 });
    // Ten values 1..10: p90 is the 9th; twenty values 1..20: the 18th.
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank(Array.from({ length: 20 }, (_, i) => i + 1), 90)).toBe(18);
    expect(nearestRank([7], 90)).toBe(7);
    expect([median([]), nearestRank([], 90)]).toEqual([null, null]);
    // Fractional business minutes are rounded to two decimals.
    const fractional = slaCompliance([ticket('gold', '2026-03-01T09:00:00.000Z', met(10.3333333)), ticket('gold', '2026-03-02T09:00:00.000Z', met(20.1234))]);
    expect(fractional[0]).toMatchObject({ medianMinutes: 15.23, p90Minutes: 20.12 });
  });

  it('groups per plan, UTC month of opening and metric, sorted by month, plan, then metric in catalog order', () => {
    const rows = slaCompliance([
      ticket('silver', '2026-04-01T00:30:00.000Z', met(5)),
      ticket('gold', '2026-03-31T23:59:59.999Z', met(10), clock('resolution', 'running', 100), clock('first-response', 'stopped', 12, true)),
      ticket('gold', '2026-04-15T12:00:00.000Z', met(20)),
      // 2026-04-01T01:00+02:00 is still March 31 in UTC.
      ticket('silver', '2026-04-01T01:00:00+02:00', met(7)),
    ]);
    expect(rows.map((r) => [r.month, r.planId, r.metric, r.total])).toEqual([
      ['2026-03', 'gold', 'reaction', 1],
      ['2026-03', 'gold', 'first-response', 1],
      ['2026-03', 'gold', 'resolution', 1],
      ['2026-03', 'silver', 'reaction', 1],
      ['2026-04', 'gold', 'reaction', 1],
      ['2026-04', 'silver', 'reaction', 1],
    ]);
    expect(row(rows, '2026-03', 'gold', 'first-response')).toMatchObject({ met: 0, breached: 1, metPercent: 0, medianMinutes: 12 });
    expect(row(rows, '2026-03', 'gold', 'resolution')).toMatchObject({ open: 1, metPercent: null, medianMinutes: null });
    expect(slaCompliance([])).toEqual([]);
  });
});

describe('SLA compliance CSV', () => {
  it('has a header line, one record per row, nulls empty, CRLF line ends', () => {
    const rows = slaCompliance([ticket('gold', '2026-03-02T09:00:00.000Z', met(10), clock('resolution', 'running', 3))]);
    expect(toCsv(rows)).toBe(
      'month,planId,metric,met,breached,open,total,metPercent,medianMinutes,p90Minutes\r\n' +
        '2026-03,gold,reaction,1,0,0,1,100,10,10\r\n' +
        '2026-03,gold,resolution,0,0,1,1,,,\r\n',
    );
    expect(toCsv([])).toBe('month,planId,metric,met,breached,open,total,metPercent,medianMinutes,p90Minutes\r\n');
  });

  it('quotes per RFC 4180: commas, quotes (doubled), CR and LF', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('line\nfeed')).toBe('"line\nfeed"');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
    const rows = slaCompliance([ticket('plan, "odd"', '2026-03-02T09:00:00.000Z', met(10))]);
    expect(toCsv(rows).split('\r\n')[1]).toBe('2026-03,"plan, ""odd""",reaction,1,0,0,1,100,10,10');
  });
});
