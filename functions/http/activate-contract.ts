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

/** Activating takes no input but the contract and the time: an empty body (or `{}`). */
const ActivateBody = z.strictObject({}).optional();

/**
 * POST /v1/contracts/{id}/activation: starts an ordered contract's first term (from the ordered
 * start date, in the contract's zone) as of the request time. A contract that is not `ordered`
 * (already active, expired, cancelled …) is refused with the decider's 409 and reason.
 */
export const handler = route(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: ActivateBody, idempotency: 'optional' },
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
      command: { type: 'Activate', contractId: params.id },
      metadata: { occurredAt: request.now, correlationId: request.correlationId, causationId: request.requestId, actor: request.actor },
      idempotency: request.idempotency,
      respond: ({ events }): RouteResponse => {
        const activated = decidedPayload(events, 'ContractActivated');
        if (!activated) throw new Error(`Activate decided no ContractActivated for ${params.id}`);
        const { termStartsOn, termEndsOn, termStartsAt, termEndsAt } = activated;
        return { status: 200, body: { contractId: params.id, status: 'active', term: { termStartsOn, termEndsOn, termStartsAt, termEndsAt } } };
      },
    });
    return replayed ? { ...response, headers: { ...response.headers, 'idempotent-replayed': 'true' } } : response;
  },
);
