import type { SlaMetric, SlaSnapshot, SlaTargetSnapshot } from '../../events/ticket';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, compileCalendar, type CompiledCalendar } from '../calendar/index';
import type { CalendarDefinitionInput } from '../calendar/schema';

/**
 * SLA clocks. Every target of a ticket's SLA is one clock that counts **business minutes** of the
 * SLA's calendar (its zone, opening windows and closing holidays):
 * - a target in minutes allows that many business minutes;
 * - "N business days" and "next business day" are turned into business minutes when the clock
 *   starts: the business minutes from the start to the end of the last opening window of the N-th
 *   business day after the start's local date (see `addBusinessDays`). From then on the clock runs,
 *   pauses and is re-targeted like any other.
 * A clock runs from its start (the report, or the provider's acceptance), pauses while the ticket
 * waits on the customer, and stops when its target is met. Elapsed time is kept across pauses and
 * across a change of SLA (new targets apply to the time already run). `next-response` starts
 * anew (a new cycle) at each customer message and stops at the next public reply.
 */

export type ClockStatus = 'pending' | 'running' | 'paused' | 'stopped';

export interface Clock {
  metric: SlaMetric;
  from: SlaTargetSnapshot['from'];
  within: SlaTargetSnapshot['within'];
  status: ClockStatus;
  /** 1 for every clock; `next-response` counts one per customer message answered. */
  cycle: number;
  /** Business minutes allowed (set when the clock starts). */
  targetMinutes?: number;
  /** When the current cycle started (epoch ms). */
  startedAt?: number;
  /** Business minutes run before `runningSince`. */
  elapsedMinutes: number;
  /** While running: since when (epoch ms). */
  runningSince?: number;
  stoppedAt?: number;
  warned: boolean;
  breached: boolean;
}

const cache = new Map<string, CompiledCalendar>();

/** The compiled calendar of an SLA snapshot (compiled once per definition and process). */
export function calendarOf(sla: Pick<SlaSnapshot, 'calendar'>): CompiledCalendar {
  const key = JSON.stringify(sla.calendar);
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileCalendar(sla.calendar as unknown as CalendarDefinitionInput);
    cache.set(key, compiled);
  }
  return compiled;
}

/** The business minutes a target allows from `at`. */
export function targetMinutes(cal: CompiledCalendar, within: SlaTargetSnapshot['within'], at: number): number {
  switch (within.unit) {
    case 'minutes':
      return within.value;
    case 'business-days':
      return businessMinutesBetween(cal, at, addBusinessDays(cal, at, within.value));
    case 'next-business-day':
      return businessMinutesBetween(cal, at, addBusinessDays(cal, at, 1));
  }
}

export const newClock = (target: SlaTargetSnapshot): Clock => ({
  metric: target.metric,
  from: target.from,
  within: target.within,
  status: 'pending',
  cycle: 0,
  elapsedMinutes: 0,
  warned: false,
  breached: false,
});

/** Starts a pending or stopped clock (a new cycle): nothing run yet, no warning or breach. */
export function start(clock: Clock, cal: CompiledCalendar, at: number, paused = false): Clock {
  return {
    ...clock,
    status: paused ? 'paused' : 'running',
    cycle: clock.cycle + 1,
    targetMinutes: targetMinutes(cal, clock.within, at),
    startedAt: at,
    elapsedMinutes: 0,
    runningSince: paused ? undefined : at,
    stoppedAt: undefined,
    warned: false,
    breached: false,
  };
}

/** Business minutes run so far, up to `at`. */
export function elapsed(clock: Clock, cal: CompiledCalendar, at: number): number {
  if (clock.status !== 'running' || clock.runningSince === undefined) return clock.elapsedMinutes;
  return clock.elapsedMinutes + businessMinutesBetween(cal, clock.runningSince, Math.max(at, clock.runningSince));
}

export function pause(clock: Clock, cal: CompiledCalendar, at: number): Clock {
  if (clock.status !== 'running') return clock;
  return { ...clock, status: 'paused', elapsedMinutes: elapsed(clock, cal, at), runningSince: undefined };
}

export function resume(clock: Clock, at: number): Clock {
  if (clock.status !== 'paused') return clock;
  return { ...clock, status: 'running', runningSince: at };
}

export function stop(clock: Clock, cal: CompiledCalendar, at: number): Clock {
  if (clock.status !== 'running' && clock.status !== 'paused') return clock;
  return { ...clock, status: 'stopped', elapsedMinutes: elapsed(clock, cal, at), runningSince: undefined, stoppedAt: at };
}

/** A new target for a started clock: counted from the clock's start, with the time already run kept. */
export function retarget(clock: Clock, cal: CompiledCalendar, within: SlaTargetSnapshot['within']): Clock {
  if (clock.startedAt === undefined) return { ...clock, within };
  return { ...clock, within, targetMinutes: targetMinutes(cal, within, clock.startedAt) };
}

/** When a running clock reaches `share` (0–1] of its target; undefined unless running. */
export function reachesAt(clock: Clock, cal: CompiledCalendar, share: number): number | undefined {
  if (clock.status !== 'running' || clock.runningSince === undefined || clock.targetMinutes === undefined) return undefined;
  const left = Math.max(0, Math.ceil(clock.targetMinutes * share) - clock.elapsedMinutes);
  return addBusinessMinutes(cal, clock.runningSince, left);
}

/** Whether a stopped clock met its target. */
export const met = (clock: Clock): boolean =>
  clock.status === 'stopped' && !clock.breached && clock.targetMinutes !== undefined && clock.elapsedMinutes <= clock.targetMinutes;

/** The next instant the sweeper must look at a clock: its warning, then its breach. */
export function nextCheck(clock: Clock, cal: CompiledCalendar, warnAtPercent: number): { kind: 'warning' | 'breach'; at: number } | undefined {
  if (clock.status !== 'running' || clock.breached) return undefined;
  if (!clock.warned) {
    const at = reachesAt(clock, cal, warnAtPercent / 100);
    if (at !== undefined) return { kind: 'warning', at };
  }
  const at = reachesAt(clock, cal, 1);
  return at === undefined ? undefined : { kind: 'breach', at };
}
