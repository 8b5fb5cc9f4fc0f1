import type { Catalog } from '../../domain/catalog/schema';
import type { Decider } from '../../domain/decider';
import { runCommand, type CommandResult } from '../command-runner';
import type { EventMetadata } from '../store/event-store';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import type { RouteRequest } from './route';

/**
 * Runs one command on a stream for an HTTP request: the request's time, ids, actor and (public
 * routes) client IP as the events' metadata, and its Idempotency-Key (if any). `respond` answers from the decided events (and the state they were decided on).
 */
export function runStreamCommand<Command, State, Response>(
  request: RouteRequest<unknown, unknown, unknown>,
  decider: Decider<Command, State, Catalog>,
  streamId: string,
  command: Command,
  respond: (events: readonly { type: string }[], decidedOn: State) => Response,
): Promise<CommandResult<Response>> {
  return runCommand(eventStore(), {
    decider,
    streamId,
    catalog: activeCatalog(),
    command,
    metadata: requestMetadata(request),
    idempotency: request.idempotency,
    respond: ({ events, state }) => respond(events, state),
  });
}

/** The metadata of the events a request appends: its time, ids and actor, and a public request's IP. */
export const requestMetadata = (request: RouteRequest<unknown, unknown, unknown>): EventMetadata => ({
  occurredAt: request.now,
  correlationId: request.correlationId,
  causationId: request.requestId,
  actor: request.actor,
  // A public request's IP: the store keeps it only sealed under purpose keys (security, analytics).
  ...(request.sourceIp ? { origin: { ip: request.sourceIp } } : {}),
});
