import { ulid } from 'ulid';
import * as z from 'zod';
import { WorkEntry } from '../../events/credit';
import { answerCreditCommand, balanceSummary } from './credit-command';
import { decidedPayload } from './decided-event';
import { route } from './route';
import { TicketIdParams } from './ticket-bodies';
import { ticketViewFor } from './ticket-command';

/** Staff who log and correct work on tickets (a distributor agent on its own distributor's tickets only). */
export const WORK_LOG_ROLES = ['admin', 'agent-l1', 'billing', 'agent-l0'] as const;

const LogWorkBody = z.strictObject({ ...WorkEntry.shape, performedAt: z.iso.datetime({ offset: true }).optional() });

/**
 * POST /v1/tickets/{id}/work-logs: an agent logs time spent on a ticket. The entry is booked
 * against the ticket's contract's credit (free cases, credit first, the rest billed at the
 * activity's hourly rate); answers 201 with the booking and the balance after it.
 */
export const handler = route({ roles: WORK_LOG_ROLES, params: TicketIdParams, body: LogWorkBody, idempotency: 'optional' }, async (request) => {
  const { params: { id: ticketId }, body: { performedAt = request.now, ...entry } } = request;
  const { view: ticket } = await ticketViewFor(ticketId, request.caller!);
  const { contractId } = ticket;
  const entryId = ulid();
  return answerCreditCommand(
    request,
    contractId,
    (holder) => ({ type: 'LogWork', holder, ticketId, entryId, performedAt, entry }),
    (events, after, holder) => ({
      status: 201,
      body: { entryId, ticketId, contractId, booking: decidedPayload(events, 'WorkLogged')!.booking, balance: balanceSummary(holder, after, request.now) },
    }),
  );
});
