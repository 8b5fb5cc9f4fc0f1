import type { DomainEvent } from '../../events/catalog';
import type { TicketOpened } from '../../events/ticket';
import type { Due, Lookup, Projection } from '../projection';
import { calendarOf, met, nextCheck, reachesAt, type Clock } from './clocks';
import { TICKET_CATEGORY } from './decider';
import { nextReturnCheck } from './returns';
import { evolve, initialState, type Ticket } from './state';

/** One SLA clock as staff see it: instants as ISO strings, the due and warning instants while it runs. */
export interface ClockView {
  metric: Clock['metric'];
  cycle: number;
  status: Clock['status'];
  targetMinutes?: number;
  elapsedMinutes: number;
  startedAt?: string;
  stoppedAt?: string;
  /** While running: when the target's time runs out. */
  dueAt?: string;
  /** While running and not yet warned: when the warning falls due. */
  warnAt?: string;
  warned: boolean;
  breached: boolean;
  /** Once stopped: whether the target was met. */
  met?: boolean;
}

export interface TicketMessage {
  kind: 'reply' | 'note' | 'customer';
  at: string;
  agentId?: string;
  body: string;
}

/** The staff read model of a ticket. */
export interface TicketView extends TicketOpened {
  status: Ticket['status'];
  openedAt: string;
  updatedAt: string;
  accepted: boolean;
  clocks: ClockView[];
  messages: TicketMessage[];
  escalations: { at: string; fromLevel?: string; toLevel?: string; toEscalationContact: boolean; reason: string }[];
  waitingReason?: string;
  resolvedAt?: string;
  resolution?: string;
  /** The faulty device due back after a replacement shipped. */
  rma?: Ticket['rma'];
  /** A loaned device due back. */
  loan?: Ticket['loan'];
  /** The decider's state, folded with the same `evolve` (the clocks are computed once, the same way). */
  state: Ticket;
}

export const SLA_CHECK = 'sla-check';
export const DEVICE_RETURNS = 'device-returns';
export const QUEUE_LOOKUP = 'queue';
export const CONTRACT_TICKETS_LOOKUP = 'contract-tickets';
/** Every ticket under the UTC month it was opened in (the SLA compliance report reads these). */
export const SLA_MONTH_LOOKUP = 'sla-month';

export const slaMonthPartition = (month: string): string => `${SLA_MONTH_LOOKUP}#${month}`;

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function clockViews(ticket: Ticket): ClockView[] {
  if (!ticket.sla) return [];
  const cal = calendarOf(ticket.sla);
  return ticket.clocks.map((clock) => {
    const due = clock.status === 'running' ? reachesAt(clock, cal, 1) : undefined;
    const warn = clock.status === 'running' && !clock.warned ? reachesAt(clock, cal, ticket.sla!.warnAtPercent / 100) : undefined;
    return {
      metric: clock.metric,
      cycle: clock.cycle,
      status: clock.status,
      ...(clock.targetMinutes !== undefined ? { targetMinutes: clock.targetMinutes } : {}),
      elapsedMinutes: clock.elapsedMinutes,
      ...(clock.startedAt !== undefined ? { startedAt: iso(clock.startedAt) } : {}),
      ...(clock.stoppedAt !== undefined ? { stoppedAt: iso(clock.stoppedAt) } : {}),
      ...(due !== undefined ? { dueAt: iso(due) } : {}),
      ...(warn !== undefined ? { warnAt: iso(warn) } : {}),
      warned: clock.warned,
      breached: clock.breached,
      ...(clock.status === 'stopped' ? { met: met(clock) } : {}),
    };
  });
}

export function evolveTicketView(view: TicketView | undefined, event: DomainEvent): TicketView {
  const state = evolve(view?.state ?? initialState, event) as Ticket;
  if (event.type === 'TicketOpened') {
    return { ...event.payload, status: state.status, openedAt: event.occurredAt, updatedAt: event.occurredAt, accepted: false, clocks: clockViews(state), messages: [], escalations: [], state };
  }
  if (!view) throw new Error(`${event.type} before TicketOpened in ${event.streamId}`);
  const next: TicketView = { ...view, state, status: state.status, accepted: state.accepted, handler: state.handler, priority: state.priority, severity: state.severity, planId: state.planId, sla: state.sla, clocks: clockViews(state), updatedAt: event.occurredAt };
  if (state.level) next.level = state.level;
  if (state.rma) next.rma = state.rma;
  if (state.loan) next.loan = state.loan;
  const at = event.occurredAt;
  switch (event.type) {
    case 'AgentReplied':
      return { ...next, messages: [...view.messages, { kind: 'reply', at, agentId: event.payload.agentId, body: event.payload.body }] };
    case 'InternalNoteAdded':
      return { ...next, messages: [...view.messages, { kind: 'note', at, agentId: event.payload.agentId, body: event.payload.body }] };
    case 'CustomerReplied': {
      const { waitingReason: _, ...rest } = next;
      return { ...rest, messages: [...view.messages, { kind: 'customer', at, body: event.payload.body }] };
    }
    case 'TicketPaused':
      return { ...next, waitingReason: event.payload.reason };
    case 'TicketResumed': {
      const { waitingReason: _, ...rest } = next;
      return rest;
    }
    case 'TicketEscalated': {
      const { fromLevel, toLevel, toEscalationContact, reason } = event.payload;
      return { ...next, escalations: [...view.escalations, { at, ...(fromLevel ? { fromLevel } : {}), ...(toLevel ? { toLevel } : {}), toEscalationContact, reason }] };
    }
    case 'TicketResolved':
      return { ...next, resolvedAt: at, resolution: event.payload.resolution };
    default:
      return next;
  }
}

/**
 * What the sweepers must look at: the SLA sweep at the earliest warning or breach of the running
 * clocks (while the ticket is open), the returns sweep at the next reminder or due instant of a
 * device still out (also after the ticket is resolved).
 */
export function ticketDue(view: TicketView): Due[] {
  const { state } = view;
  const due: Due[] = [];
  if (state.sla && state.status !== 'resolved') {
    const cal = calendarOf(state.sla);
    const next = state.clocks
      .map((clock) => nextCheck(clock, cal, state.sla!.warnAtPercent)?.at)
      .filter((at): at is number => at !== undefined)
      .sort((a, b) => a - b)[0];
    if (next !== undefined) due.push({ kind: SLA_CHECK, at: new Date(next).toISOString() });
  }
  const returns = [nextReturnCheck(state.rma), nextReturnCheck(state.loan)].filter((at): at is string => at !== undefined).sort()[0];
  if (returns) due.push({ kind: DEVICE_RETURNS, at: returns });
  return due;
}

/** Where staff find the queue a ticket waits in: the handler's queue while open, priority first then oldest. */
export const queuePartition = (handler: TicketOpened['handler']): string =>
  `${QUEUE_LOOKUP}#${handler.provider === 'distributor' ? `distributor#${handler.distributorId}` : 'vendor'}`;

export function ticketLookups(view: TicketView): Lookup[] {
  const openedAt = new Date(view.openedAt).toISOString();
  const lookups: Lookup[] = [
    { index: CONTRACT_TICKETS_LOOKUP, partition: `${CONTRACT_TICKETS_LOOKUP}#${view.contractId}`, sort: `${openedAt}#${view.ticketId}` },
    { index: SLA_MONTH_LOOKUP, partition: slaMonthPartition(openedAt.slice(0, 7)), sort: `${view.planId}#${openedAt}#${view.ticketId}` },
  ];
  if (view.status !== 'resolved')
    lookups.push({ index: QUEUE_LOOKUP, partition: queuePartition(view.handler), sort: `${view.priority ? '0' : '1'}#${openedAt}#${view.ticketId}` });
  return lookups;
}

export const ticketProjection: Projection<TicketView> = {
  category: TICKET_CATEGORY,
  evolve: evolveTicketView,
  due: ticketDue,
  lookups: ticketLookups,
};

/** The due instants of a just-opened ticket's running clocks (for the acknowledgement): folded with the same `evolve`. */
export function dueTimes(opened: TicketOpened, openedAt: string): { metric: Clock['metric']; dueAt: string }[] {
  const event = { type: 'TicketOpened', payload: opened, occurredAt: openedAt, streamId: `${TICKET_CATEGORY}#${opened.ticketId}`, version: 1 } as DomainEvent;
  return evolveTicketView(undefined, event)
    .clocks.filter((c) => c.dueAt !== undefined)
    .map((c) => ({ metric: c.metric, dueAt: c.dueAt! }));
}
