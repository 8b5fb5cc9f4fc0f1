import { streamId } from '../../events/envelope';
import type { TicketCommand } from '../../domain/ticket/commands';
import { TICKET_CATEGORY, ticketDecider } from '../../domain/ticket/decider';
import type { TicketView } from '../../domain/ticket/view';
import { NotFoundError } from '../../domain/errors';
import type { CommandResult } from '../command-runner';
import { runStreamCommand } from './stream-command';
import { viewStore } from '../runtime/views';
import type { StoredView } from '../views/view-store';
import { assertMayAccessDistributor, type StaffCaller } from './auth';
import type { RouteRequest } from './route';

/** Runs one command on ticket `ticketId` for an HTTP request (see `runStreamCommand`). */
export const runTicketCommand = <Response>(
  request: RouteRequest<unknown, unknown, unknown>,
  ticketId: string,
  command: TicketCommand,
  respond: (events: readonly { type: string }[]) => Response,
): Promise<CommandResult<Response>> => runStreamCommand(request, ticketDecider, streamId(TICKET_CATEGORY, ticketId), command, respond);

/** A ticket's stored view for a staff member: 404 when there is none, 403 when another distributor handles it. */
export async function ticketViewFor(ticketId: string, caller: StaffCaller): Promise<StoredView<TicketView>> {
  const stored = await viewStore().get<TicketView>(streamId(TICKET_CATEGORY, ticketId));
  if (!stored) throw new NotFoundError(`No ticket ${ticketId}.`);
  assertMayAccessDistributor(caller, stored.view.handler.distributorId);
  return stored;
}
