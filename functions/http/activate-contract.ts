import { ContractIdParams } from './contract-id';
import { answerContractCommand, EmptyBody } from './contract-command';
import { contractViewFor } from './contract-view';
import { decidedPayload } from './decided-event';
import { route } from './route';

/**
 * POST /v1/contracts/{id}/activation: starts an ordered contract's first term (from the ordered
 * start date, in the contract's zone) as of the request time. A contract that is not `ordered`
 * (already active, expired, cancelled …) is refused with the decider's 409 and reason.
 */
export const handler = route(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: EmptyBody, idempotency: 'optional' },
  async (request) => {
    const { id } = request.params;
    await contractViewFor(id, request.caller!);
    return answerContractCommand(request, id, { type: 'Activate', contractId: id }, (events) => {
      const activated = decidedPayload(events, 'ContractActivated');
      if (!activated) throw new Error(`Activate decided no ContractActivated for ${id}`);
      const { termStartsOn, termEndsOn, termStartsAt, termEndsAt } = activated;
      return { status: 200, body: { contractId: id, status: 'active', term: { termStartsOn, termEndsOn, termStartsAt, termEndsAt } } };
    });
  },
);
