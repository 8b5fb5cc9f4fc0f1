import { AddOnParams } from './contract-bodies';
import { contractCommandRoute, EmptyBody } from './contract-command';

/**
 * DELETE /v1/contracts/{id}/add-ons/{addOnId}: removes an add-on. Refused (409) when the contract
 * does not hold it, when the customer's segment makes it mandatory, or while registered persons
 * still need its seats.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: AddOnParams, body: EmptyBody, idempotency: 'optional' },
  ({ params }) => ({ type: 'RemoveAddOn', contractId: params.id, addOnId: params.addOnId }),
  (_events, { params }) => ({ status: 200, body: { contractId: params.id, removed: { addOnId: params.addOnId } } }),
);
