import type { DomainEvent } from '../../events/catalog';
import type { Handler, Severity, SlaSnapshot, TicketChannel } from '../../events/ticket';
import { calendarOf, newClock, pause, resume, retarget, start, stop, type Clock } from './clocks';

export type TicketStatus = 'open' | 'waiting' | 'resolved';

export interface Ticket {
  status: TicketStatus;
  ticketId: string;
  contractId: string;
  planId: string;
  channel: TicketChannel;
  severity: Severity;
  /** The reported device. */
  serialNumber?: string;
  level?: string;
  handler: Handler;
  priority: boolean;
  accepted: boolean;
  sla: SlaSnapshot | null;
  clocks: Clock[];
  /** Escalated to the provider's escalation contact. */
  escalatedToContact: boolean;
  /** The faulty device to come back after a replacement shipped. */
  rma?: DeviceReturn;
  /** A loaned device to come back, charged at its list price if it does not. */
  loan?: DeviceReturn & { loanerSerialNumber: string; listPrice: { amount: number; currency: string } };
}

/** A device due back: when, and what has happened since. */
export interface DeviceReturn {
  returnDueAt: string;
  reminded: boolean;
  /** Overdue (faulty device) or charged (loaner). */
  lapsed: boolean;
  returned: boolean;
}

const due = (returnDueAt: string): DeviceReturn => ({ returnDueAt, reminded: false, lapsed: false, returned: false });

export type TicketState = { status: 'none' } | Ticket;

export const initialState: TicketState = { status: 'none' };

const ms = (iso: string) => Date.parse(iso);

/** Applies `change` to the clocks of `metrics` (all clocks when absent). */
function clocksWith(ticket: Ticket, change: (clock: Clock) => Clock, metrics?: readonly string[]): Clock[] {
  return ticket.clocks.map((clock) => (!metrics || metrics.includes(clock.metric) ? change(clock) : clock));
}

/** The clocks a snapshot sets, started now when they count from the report (`next-response` waits for a customer message). */
function openClocks(sla: SlaSnapshot | null, at: number, accepted: boolean, paused: boolean): Clock[] {
  if (!sla) return [];
  const cal = calendarOf(sla);
  return sla.targets.map((target) => {
    const clock = newClock(target);
    const startsNow = target.metric !== 'next-response' && (target.from === 'report' || accepted);
    return startsNow ? start(clock, cal, at, paused) : clock;
  });
}

/**
 * A new SLA for a ticket: clocks of metrics both SLAs have keep their cycle, elapsed time and
 * state with the new target; new metrics start now (from the report) or when accepted; metrics
 * the new SLA lacks stop.
 */
function changeSla(ticket: Ticket, sla: SlaSnapshot | null, at: number): Clock[] {
  if (!sla) return ticket.clocks.map((clock) => (ticket.sla ? stop(clock, calendarOf(ticket.sla), at) : clock));
  const cal = calendarOf(sla);
  const kept = ticket.clocks.flatMap((clock) => {
    const target = sla.targets.find((t) => t.metric === clock.metric);
    if (target) return [retarget(clock, cal, target.within)];
    return [ticket.sla ? stop(clock, calendarOf(ticket.sla), at) : clock];
  });
  const added = openClocks({ ...sla, targets: sla.targets.filter((t) => !ticket.clocks.some((c) => c.metric === t.metric)) }, at, ticket.accepted, ticket.status === 'waiting');
  return [...kept, ...added];
}

export function evolve(state: TicketState, event: DomainEvent): TicketState {
  if (event.type === 'TicketOpened') {
    const p = event.payload;
    return {
      status: 'open',
      ticketId: p.ticketId,
      contractId: p.contractId,
      planId: p.planId,
      channel: p.channel,
      severity: p.severity,
      ...(p.serialNumber ? { serialNumber: p.serialNumber } : {}),
      ...(p.level ? { level: p.level } : {}),
      handler: p.handler,
      priority: p.priority,
      accepted: false,
      sla: p.sla,
      clocks: openClocks(p.sla, ms(event.occurredAt), false, false),
      escalatedToContact: false,
    };
  }
  if (state.status === 'none') return state;
  const at = ms(event.occurredAt);
  const cal = state.sla ? calendarOf(state.sla) : undefined;
  switch (event.type) {
    case 'TicketAccepted':
      return {
        ...state,
        accepted: true,
        clocks: state.clocks.map((c) => (c.from === 'acceptance' && c.status === 'pending' && c.metric !== 'next-response' ? start(c, cal!, at, state.status === 'waiting') : c)),
      };
    case 'AgentReplied':
      return cal ? { ...state, clocks: clocksWith(state, (c) => stop(c, cal, at), ['reaction', 'first-response', 'next-response']) } : state;
    case 'CustomerReplied': {
      if (!cal) return { ...state, status: state.status === 'waiting' ? 'open' : state.status };
      const resumed = state.status === 'waiting' ? clocksWith(state, (c) => resume(c, at)) : state.clocks;
      // Each customer message starts a next-response cycle, unless one is already running.
      const clocks = resumed.map((c) =>
        c.metric === 'next-response' && (c.status === 'pending' || c.status === 'stopped') && (c.from === 'report' || state.accepted) && state.status !== 'resolved' ? start(c, cal, at) : c,
      );
      return { ...state, status: state.status === 'waiting' ? 'open' : state.status, clocks };
    }
    case 'TicketPaused':
      return { ...state, status: 'waiting', clocks: cal ? clocksWith(state, (c) => pause(c, cal, at)) : state.clocks };
    case 'TicketResumed':
      return { ...state, status: 'open', clocks: clocksWith(state, (c) => resume(c, at)) };
    case 'TicketEscalated':
      return {
        ...state,
        handler: event.payload.handler,
        ...(event.payload.toLevel ? { level: event.payload.toLevel } : {}),
        escalatedToContact: state.escalatedToContact || event.payload.toEscalationContact,
      };
    case 'TicketSlaChanged': {
      const p = event.payload;
      return { ...state, planId: p.planId, severity: p.severity, priority: p.priority, sla: p.sla, clocks: changeSla(state, p.sla, at) };
    }
    case 'EngineerArrived':
      return cal ? { ...state, clocks: clocksWith(state, (c) => stop(c, cal, at), ['on-site']) } : state;
    case 'PartsDelivered':
      return cal ? { ...state, clocks: clocksWith(state, (c) => stop(c, cal, at), ['parts-delivery']) } : state;
    case 'TicketResolved':
      return { ...state, status: 'resolved', clocks: cal ? clocksWith(state, (c) => stop(c, cal, at)) : state.clocks };
    case 'ReplacementShipped':
      return { ...state, rma: due(event.payload.returnDueAt) };
    case 'FaultyDeviceReturned':
      return state.rma ? { ...state, rma: { ...state.rma, returned: true } } : state;
    case 'LoanerShipped': {
      const { loanerSerialNumber, listPrice, returnDueAt } = event.payload;
      return { ...state, loan: { ...due(returnDueAt), loanerSerialNumber, listPrice } };
    }
    case 'LoanerReturned':
      return state.loan ? { ...state, loan: { ...state.loan, returned: true } } : state;
    case 'DeviceReturnReminded': {
      const key = event.payload.device === 'faulty' ? 'rma' : 'loan';
      const item = state[key];
      return item ? { ...state, [key]: { ...item, reminded: true } } : state;
    }
    case 'DeviceReturnOverdue':
      return state.rma ? { ...state, rma: { ...state.rma, lapsed: true } } : state;
    case 'LoanerCharged':
      return state.loan ? { ...state, loan: { ...state.loan, lapsed: true } } : state;
    case 'SlaWarningRaised':
      return { ...state, clocks: state.clocks.map((c) => (c.metric === event.payload.metric && c.cycle === event.payload.cycle ? { ...c, warned: true } : c)) };
    case 'SlaBreached':
      return { ...state, clocks: state.clocks.map((c) => (c.metric === event.payload.metric && c.cycle === event.payload.cycle ? { ...c, warned: true, breached: true } : c)) };
    default:
      return state;
  }
}
