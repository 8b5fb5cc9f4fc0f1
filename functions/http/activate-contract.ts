import { ContractIdParams } from './contract-id';
import { contractCommandRoute, EmptyBody } from './contract-command';
import { decidedPayload } from './decided-event';

/**
 * POST /v1/contracts/{id}/activation: starts an ordered contract's first term (from the ordered
 * start date, in the contract's zone) as of the request time. A contract that is not `ordered`
 * (already active, expired, cancelled …) is refused with the decider's 409 and reason.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: EmptyBody, idempotency: 'optional' },
  ({ params }) => ({ type: 'Activate', contractId: params.id }),
  (events, { params }) => {
    const activated = decidedPayload(events, 'ContractActivated');
    if (!activated) throw new Error(`Activate decided no ContractActivated for ${params.id}`);
    const { termStartsOn, termEndsOn, termStartsAt, termEndsAt } = activated;
    return { status: 200, body: { contractId: params.id, status: 'active', term: { termStartsOn, termEndsOn, termStartsAt, termEndsAt } } };
  },
);
