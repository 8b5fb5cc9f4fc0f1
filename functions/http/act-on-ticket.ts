import * as z from 'zod';
import { Severity } from '../../events/ticket';
import type { TicketCommand } from '../../domain/ticket/commands';
import { MoneyBody } from './contract-bodies';
import { contractViewFor } from './contract-view';
import { route } from './route';
import { TicketIdParams } from './ticket-bodies';
import { runTicketCommand, ticketViewFor } from './ticket-command';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What staff do on a ticket, one body shape per action. */
const Action = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('reply'), body: text(20_000) }),
  z.strictObject({ action: z.literal('note'), body: text(20_000) }),
  z.strictObject({ action: z.literal('customer-reply'), body: text(20_000) }),
  z.strictObject({ action: z.literal('wait-on-customer'), reason: text(1000) }),
  z.strictObject({ action: z.literal('resume') }),
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('escalate'), to: z.enum(['next-level', 'escalation-contact']), reason: text(1000) }),
  z.strictObject({ action: z.literal('change-severity'), severity: Severity, reason: text(1000) }),
  z.strictObject({ action: z.literal('record-arrival') }),
  z.strictObject({ action: z.literal('record-parts-delivery') }),
  z.strictObject({ action: z.literal('resolve'), resolution: text(5000) }),
  z.strictObject({ action: z.literal('ship-replacement') }),
  z.strictObject({ action: z.literal('ship-loaner'), loanerSerialNumber: text(64), listPrice: MoneyBody }),
  z.strictObject({ action: z.literal('record-return'), device: z.enum(['faulty', 'loaner']) }),
]);
type Action = z.infer<typeof Action>;

/**
 * POST /v1/tickets/{id}/actions: one staff action on a ticket: `reply` (public: the only thing that
 * counts as a response), `note` (internal), `customer-reply` (a customer message taken by staff),
 * `wait-on-customer` / `resume` (pauses and resumes the SLA clocks), `accept` (the report is
 * verified: clocks counted from acceptance start), `escalate` (to the next level or the escalation
 * contact, with a reason), `change-severity` (the SLA anew, time run kept), `record-arrival`,
 * `record-parts-delivery`, `resolve`, `ship-replacement` (a verified fault: the faulty device is
 * due back within the plan's RMA days), `ship-loaner` (at its list price if not returned),
 * `record-return`. Answers the events it recorded (none for a repeat).
 */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'agent-l0'], params: TicketIdParams, body: Action, idempotency: 'optional' },
  async (request) => {
    const { id } = request.params;
    const { caller, body } = request;
    const { view } = await ticketViewFor(id, caller!);
    const agentId = caller!.sub;
    const on = { ticketId: id, agentId };
    const command = async (action: Action): Promise<TicketCommand> => {
      switch (action.action) {
        case 'reply':
        case 'note':
          return { type: 'AddReply', ...on, visibility: action.action === 'reply' ? 'public' : 'internal', body: action.body };
        case 'customer-reply':
          return { type: 'RecordCustomerReply', ticketId: id, body: action.body };
        case 'wait-on-customer':
          return { type: 'WaitOnCustomer', ...on, reason: action.reason };
        case 'resume':
          return { type: 'ResumeTicket', ...on };
        case 'accept':
          return { type: 'AcceptTicket', ...on };
        case 'escalate':
          return { type: 'EscalateTicket', ...on, to: action.to, reason: action.reason };
        case 'change-severity':
          return { type: 'ChangeSeverity', ...on, severity: action.severity, reason: action.reason, contract: (await contractViewFor(view.contractId, caller!)).view };
        case 'record-arrival':
          return { type: 'RecordArrival', ...on };
        case 'record-parts-delivery':
          return { type: 'RecordPartsDelivery', ...on };
        case 'resolve':
          return { type: 'ResolveTicket', ...on, resolution: action.resolution };
        case 'ship-replacement':
          return { type: 'ShipReplacement', ...on, contract: (await contractViewFor(view.contractId, caller!)).view };
        case 'ship-loaner':
          return { type: 'ShipLoaner', ...on, loanerSerialNumber: action.loanerSerialNumber, listPrice: action.listPrice, contract: (await contractViewFor(view.contractId, caller!)).view };
        case 'record-return':
          return { type: 'RecordDeviceReturn', ...on, device: action.device };
      }
    };
    const { response, replayed } = await runTicketCommand(request, id, await command(body), (events) => ({
      status: 200,
      body: { ticketId: id, recorded: events.map((e) => e.type) },
    }));
    return replayed ? { ...response, headers: { 'idempotent-replayed': 'true' } } : response;
  },
);
