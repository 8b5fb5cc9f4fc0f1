import * as z from 'zod';
import { streamId } from '../../events/envelope';
import type { ContractCommand } from '../../domain/contract/commands';
import { CONTRACT_CATEGORY, contractDecider } from '../../domain/contract/decider';
import { runCommand, type CommandResult } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import type { RouteRequest, RouteResponse } from './route';

/** A command that takes no input but the contract and the time: an empty body (or `{}`). */
export const EmptyBody = z.strictObject({}).optional();

type Request = RouteRequest<unknown, unknown, unknown>;
type Respond<Response> = (events: readonly { type: string }[]) => Response;

/**
 * Runs one command on contract `contractId` for an HTTP request: the request's time, ids and
 * actor as the events' metadata, and its Idempotency-Key (if any). `respond` answers from the
 * decided events.
 */
export function runContractCommand<Response>(
  request: Request,
  contractId: string,
  command: ContractCommand,
  respond: Respond<Response>,
): Promise<CommandResult<Response>> {
  return runCommand(eventStore(), {
    decider: contractDecider,
    streamId: streamId(CONTRACT_CATEGORY, contractId),
    catalog: activeCatalog(),
    command,
    metadata: { occurredAt: request.now, correlationId: request.correlationId, causationId: request.requestId, actor: request.actor },
    idempotency: request.idempotency,
    respond: ({ events }) => respond(events),
  });
}

/** runContractCommand's answer to the caller; a repeat of an idempotent request is marked `idempotent-replayed`. */
export async function answerContractCommand(
  request: Request,
  contractId: string,
  command: ContractCommand,
  respond: Respond<RouteResponse>,
): Promise<RouteResponse> {
  const { response, replayed } = await runContractCommand(request, contractId, command, respond);
  return replayed ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } } : response;
}
