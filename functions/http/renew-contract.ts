import * as z from 'zod';
import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY, contractDecider } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { NotFoundError } from '../../domain/errors';
import { runCommand } from '../command-runner';
import { activeCatalog } from '../runtime/catalog';
import { eventStore } from '../runtime/store';
import { viewStore } from '../runtime/views';
import { assertMayAccessDistributor } from './auth';
import { ContractIdParams } from './contract-id';
import { decidedPayload } from './decided-event';
import { route, type RouteResponse } from './route';

/** Renewing takes no input but the contract and the time: an empty body (or `{}`). */
const RenewBody = z.strictObject({}).optional();

/**
 * POST /v1/contracts/{id}/renewals: renews for the next term as of the request time, on time, in
 * grace, or reinstated with the late-renewal fee; after the cut-off a 409 reinstatement_refused.
 */
export const handler = route(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: RenewBody, idempotency: 'optional' },
  async (request) => {
    const { params, caller } = request;
    const stream = streamId(CONTRACT_CATEGORY, params.id);
    const stored = await viewStore().get<ContractView>(stream);
    if (!stored) throw new NotFoundError(`No contract ${params.id}.`);
    assertMayAccessDistributor(caller!, stored.view.distributorId);

    const { response, replayed } = await runCommand(eventStore(), {
      decider: contractDecider,
      streamId: stream,
      catalog: activeCatalog(),
      command: { type: 'Renew', contractId: params.id },
      metadata: { occurredAt: request.now, correlationId: request.correlationId, causationId: request.requestId, actor: request.actor },
      idempotency: request.idempotency,
      respond: ({ events }): RouteResponse => {
        const renewed = decidedPayload(events, 'ContractRenewed');
        if (renewed) {
          return {
            status: 200,
            body: { contractId: params.id, outcome: 'renewed', term: { termStartsOn: renewed.termStartsOn, termEndsOn: renewed.termEndsOn } },
          };
        }
        const reinstated = decidedPayload(events, 'ContractReinstated');
        if (!reinstated) throw new Error(`Renew decided neither ContractRenewed nor ContractReinstated for ${params.id}`);
        return {
          status: 200,
          body: {
            contractId: params.id,
            outcome: 'reinstated',
            term: { termStartsOn: reinstated.termStartsOn, termEndsOn: reinstated.termEndsOn },
            fee: { lines: reinstated.lines, total: reinstated.total },
          },
        };
      },
    });
    return replayed ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } } : response;
  },
);
