import { AddOnBody } from './contract-bodies';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';

/**
 * POST /v1/contracts/{id}/add-ons: adds an add-on to an ordered or active contract. The catalog
 * decides: eligibility by plan and region, quantity and size (400 with the field), an add-on the
 * contract already holds (409 add_on_held).
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: AddOnBody, idempotency: 'optional' },
  ({ params, body }) => ({ type: 'AddAddOn', contractId: params.id, ...body }),
  (_events, { params, body }) => ({
    status: 201,
    body: { contractId: params.id, addOn: body },
    headers: { location: `/v1/contracts/${params.id}/add-ons/${body.addOnId}` },
  }),
);
