import * as z from 'zod';
import { streamId } from '../../events/envelope';
import type { ContractCommand } from '../../domain/contract/commands';
import { CONTRACT_CATEGORY, contractDecider } from '../../domain/contract/decider';
import type { CommandResult } from '../command-runner';
import { runStreamCommand } from './stream-command';
import { contractViewFor } from './contract-view';
import { route, type RouteRequest, type RouteResponse, type RouteSpec } from './route';

/** A command that takes no input but the contract and the time: an empty body (or `{}`). */
export const EmptyBody = z.strictObject({}).optional();

type Request = RouteRequest<unknown, unknown, unknown>;
type Respond<Response> = (events: readonly { type: string }[]) => Response;

/**
 * Runs one command on contract `contractId` for an HTTP request: the request's time, ids and
 * actor as the events' metadata, and its Idempotency-Key (if any). `respond` answers from the
 * decided events.
 */
export const runContractCommand = <Response>(request: Request, contractId: string, command: ContractCommand, respond: Respond<Response>): Promise<CommandResult<Response>> =>
  runStreamCommand(request, contractDecider, streamId(CONTRACT_CATEGORY, contractId), command, respond);

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

/**
 * A staff route that runs one command on the contract `{id}`: the caller must be allowed to see
 * the contract (404 when there is none, 403 for another distributor's), then `command` is run and
 * `respond` answers from the decided events.
 */
export function contractCommandRoute<Body extends z.ZodType, Params extends z.ZodType<{ id: string }>>(
  spec: RouteSpec<Body, Params> & { roles: NonNullable<RouteSpec<Body, Params>['roles']> },
  command: (request: RouteRequest<z.infer<Body>, z.infer<Params>>) => ContractCommand,
  respond: (events: readonly { type: string }[], request: RouteRequest<z.infer<Body>, z.infer<Params>>) => RouteResponse,
) {
  return route(spec, async (request) => {
    const { id } = request.params;
    await contractViewFor(id, request.caller!);
    return answerContractCommand(request, id, command(request), (events) => respond(events, request));
  });
}
