import { streamId } from '../../events/envelope';
import type { TicketCommand } from '../../domain/ticket/commands';
import { TICKET_CATEGORY, ticketDecider } from '../../domain/ticket/decider';
import type { TicketView } from '../../domain/ticket/view';
import { NotFoundError } from '../../domain/errors';
import { runCommand, type CommandResult } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import type { StoredView } from '../views/view-store';
import { assertMayAccessDistributor, type StaffCaller } from './auth';
import type { RouteRequest } from './route';

type Request = RouteRequest<unknown, unknown, unknown>;

/** Runs one command on ticket `ticketId` for an HTTP request (its time, ids, actor and Idempotency-Key). */
export function runTicketCommand<Response>(
  request: Request,
  ticketId: string,
  command: TicketCommand,
  respond: (events: readonly { type: string }[]) => Response,
): Promise<CommandResult<Response>> {
  return runCommand(eventStore(), {
    decider: ticketDecider,
    streamId: streamId(TICKET_CATEGORY, ticketId),
    catalog: activeCatalog(),
    command,
    metadata: { occurredAt: request.now, correlationId: request.correlationId, causationId: request.requestId, actor: request.actor },
    idempotency: request.idempotency,
    respond: ({ events }) => respond(events),
  });
}

/** A ticket's stored view for a staff member: 404 when there is none, 403 when another distributor handles it. */
export async function ticketViewFor(ticketId: string, caller: StaffCaller): Promise<StoredView<TicketView>> {
  const stored = await viewStore().get<TicketView>(streamId(TICKET_CATEGORY, ticketId));
  if (!stored) throw new NotFoundError(`No ticket ${ticketId}.`);
  assertMayAccessDistributor(caller, stored.view.handler.distributorId);
  return stored;
}
