import { ContractIdParams } from './contract-id';
import { contractCommandRoute, EmptyBody } from './contract-command';
import { decidedPayload } from './decided-event';

/**
 * POST /v1/contracts/{id}/renewals: renews for the next term as of the request time, on time, in
 * grace, or reinstated with the late-renewal fee (owed until paid through
 * `/reactivation-fee/payments`); after the cut-off a 409 reinstatement_refused.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: EmptyBody, idempotency: 'optional' },
  ({ params }) => ({ type: 'Renew', contractId: params.id }),
  (events, { params }) => {
    const id = params.id;
    const renewed = decidedPayload(events, 'ContractRenewed');
    if (renewed) {
      return { status: 200, body: { contractId: id, outcome: 'renewed', term: { termStartsOn: renewed.termStartsOn, termEndsOn: renewed.termEndsOn } } };
    }
    const reinstated = decidedPayload(events, 'ContractReinstated');
    if (!reinstated) throw new Error(`Renew decided neither ContractRenewed nor ContractReinstated for ${id}`);
    return {
      status: 200,
      body: {
        contractId: id,
        outcome: 'reinstated',
        term: { termStartsOn: reinstated.termStartsOn, termEndsOn: reinstated.termEndsOn },
        fee: { lines: reinstated.lines, total: reinstated.total },
      },
    };
  },
);
