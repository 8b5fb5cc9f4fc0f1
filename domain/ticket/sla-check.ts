import type { NewEvent } from '../../events/catalog';
import { calendarOf, nextCheck, reachesAt } from './clocks';
import type { TicketState } from './state';

/**
 * The SLA sweep for one ticket at `now`: for each running clock, a warning once the catalog's share
 * of its time has run and a breach once all of it has, each raised once per clock and cycle (a
 * repeated sweep appends nothing). A clock found late past both raises both, warning first.
 */
export function checkSla(state: TicketState, now: string): NewEvent[] {
  if (state.status === 'none' || !state.sla) return [];
  const cal = calendarOf(state.sla);
  const at = Date.parse(now);
  const { warnAtPercent } = state.sla;
  return state.clocks.flatMap((clock): NewEvent[] => {
    const check = nextCheck(clock, cal, warnAtPercent);
    if (!check || check.at > at) return [];
    const dueAt = new Date(reachesAt(clock, cal, 1)!).toISOString();
    const base = { ticketId: state.ticketId, metric: clock.metric, cycle: clock.cycle, dueAt };
    const warning: NewEvent = { type: 'SlaWarningRaised', payload: { ...base, percent: warnAtPercent } };
    if (check.kind === 'breach') return [{ type: 'SlaBreached', payload: base }];
    return Date.parse(dueAt) <= at ? [warning, { type: 'SlaBreached', payload: base }] : [warning];
  });
}
