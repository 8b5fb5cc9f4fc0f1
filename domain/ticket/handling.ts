import type { NewEvent } from '../../events/catalog';
import { findPlan } from '../catalog/lookup';
import type { Catalog } from '../catalog/schema/catalog';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { AddReply, ChangeSeverity, EscalateTicket, RecordArrival, RecordCustomerReply, RecordPartsDelivery, ResolveTicket, WaitOnCustomer } from './commands';
import { hasPriority, slaFor } from './intake';
import type { Ticket, TicketState } from './state';

/** What agents and customers do on an open ticket: reply, note, wait, escalate, change severity, arrive, deliver, resolve. */

export function existingTicket(state: TicketState): Ticket {
  if (state.status === 'none') throw new NotFoundError('No such ticket.');
  return state;
}

function open(state: TicketState, what: string): Ticket {
  const ticket = existingTicket(state);
  if (ticket.status === 'resolved') throw new ConflictError('ticket_resolved', `Cannot ${what}: ticket ${ticket.ticketId} is resolved.`);
  return ticket;
}

const text = (value: string, path: string, max: number): string => {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed.length === 0 || trimmed.length > max) throw new ValidationError([{ path, message: `Write 1 to ${max} characters.` }]);
  return trimmed;
};

export function addReply(command: AddReply, state: TicketState): NewEvent[] {
  const ticket = command.visibility === 'internal' ? existingTicket(state) : open(state, 'reply');
  const body = text(command.body, 'body', 20_000);
  const payload = { ticketId: ticket.ticketId, agentId: command.agentId, body };
  return [command.visibility === 'public' ? { type: 'AgentReplied', payload } : { type: 'InternalNoteAdded', payload }];
}

export function recordCustomerReply(command: RecordCustomerReply, state: TicketState): NewEvent[] {
  const ticket = open(state, 'add a customer message');
  return [{ type: 'CustomerReplied', payload: { ticketId: ticket.ticketId, body: text(command.body, 'body', 20_000) } }];
}

export function waitOnCustomer(command: WaitOnCustomer, state: TicketState): NewEvent[] {
  const ticket = open(state, 'wait on the customer');
  if (ticket.status === 'waiting') return [];
  return [{ type: 'TicketPaused', payload: { ticketId: ticket.ticketId, reason: text(command.reason, 'reason', 1000) } }];
}

export function resumeTicket(state: TicketState): NewEvent[] {
  const ticket = open(state, 'resume');
  if (ticket.status !== 'waiting') return [];
  return [{ type: 'TicketResumed', payload: { ticketId: ticket.ticketId } }];
}

export function accept(state: TicketState, agentId: string): NewEvent[] {
  const ticket = open(state, 'accept the report');
  if (ticket.accepted) return [];
  return [{ type: 'TicketAccepted', payload: { ticketId: ticket.ticketId, agentId } }];
}

/**
 * Escalation is an explicit event with a reason: to the level the current one escalates to (L0 →
 * L1, handled by the vendor from then on), or to the provider's escalation contact (the catalog's
 * `contacts` with purpose `escalation`), which the level does not change.
 */
export function escalate(command: EscalateTicket, state: TicketState, catalog: Catalog): NewEvent[] {
  const ticket = open(state, 'escalate');
  const reason = text(command.reason, 'reason', 1000);
  if (command.to === 'escalation-contact') {
    if (!catalog.contacts.some((c) => c.purpose === 'escalation'))
      throw new ConflictError('no_escalation_contact', 'This catalog names no escalation contact.');
    if (ticket.escalatedToContact) return [];
    return [{ type: 'TicketEscalated', payload: { ticketId: ticket.ticketId, ...(ticket.level ? { fromLevel: ticket.level } : {}), toEscalationContact: true, reason, handler: ticket.handler } }];
  }
  const current = catalog.supportLevels.find((l) => l.id === ticket.level);
  const next = current?.escalatesTo ? catalog.supportLevels.find((l) => l.id === current.escalatesTo) : undefined;
  if (!current || !next) throw new ConflictError('no_next_level', `Ticket ${ticket.ticketId} is at ${current?.name ?? 'no support level'}, which escalates nowhere; escalate to the escalation contact instead.`);
  const handler = next.providedBy === 'distributor' && ticket.handler.distributorId ? ticket.handler : { provider: 'vendor' as const };
  return [{ type: 'TicketEscalated', payload: { ticketId: ticket.ticketId, fromLevel: current.id, toLevel: next.id, toEscalationContact: false, reason, handler } }];
}

/** Another severity: the SLA is taken anew from the contract's current plan; time already run carries over. */
export function changeSeverity(command: ChangeSeverity, state: TicketState, catalog: Catalog): NewEvent[] {
  const ticket = open(state, 'change the severity');
  const plan = findPlan(catalog, command.contract.planId);
  if (!plan) throw new ConflictError('plan_withdrawn', `The plan ${command.contract.planId} is no longer in the catalog.`);
  const priority = hasPriority(catalog, command.contract);
  if (command.severity === ticket.severity && plan.id === ticket.planId && priority === ticket.priority) return [];
  return [
    {
      type: 'TicketSlaChanged',
      payload: { ticketId: ticket.ticketId, reason: text(command.reason, 'reason', 1000), planId: plan.id, severity: command.severity, priority, sla: slaFor(catalog, plan, ticket.channel, command.severity) },
    },
  ];
}

function milestone(state: TicketState, metric: 'on-site' | 'parts-delivery', what: string): Ticket | undefined {
  const ticket = open(state, what);
  const clock = ticket.clocks.find((c) => c.metric === metric);
  return clock?.status === 'stopped' ? undefined : ticket;
}

export function recordArrival(command: RecordArrival, state: TicketState): NewEvent[] {
  const ticket = milestone(state, 'on-site', 'record an arrival');
  return ticket ? [{ type: 'EngineerArrived', payload: { ticketId: ticket.ticketId, agentId: command.agentId } }] : [];
}

export function recordPartsDelivery(command: RecordPartsDelivery, state: TicketState): NewEvent[] {
  const ticket = milestone(state, 'parts-delivery', 'record a delivery');
  return ticket ? [{ type: 'PartsDelivered', payload: { ticketId: ticket.ticketId, agentId: command.agentId } }] : [];
}

export function resolve(command: ResolveTicket, state: TicketState): NewEvent[] {
  const ticket = existingTicket(state);
  if (ticket.status === 'resolved') return [];
  return [{ type: 'TicketResolved', payload: { ticketId: ticket.ticketId, agentId: command.agentId, resolution: text(command.resolution, 'resolution', 5000) } }];
}

