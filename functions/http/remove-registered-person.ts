import { PersonParams } from './contract-bodies';
import { contractCommandRoute, EmptyBody } from './contract-command';

/** DELETE /v1/contracts/{id}/registered-persons/{personId}: frees the person's seat; 409 when they are not registered. */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: PersonParams, body: EmptyBody, idempotency: 'optional' },
  ({ params }) => ({ type: 'RemoveRegisteredPerson', contractId: params.id, personId: params.personId }),
  (_events, { params }) => ({ status: 200, body: { contractId: params.id, removed: { personId: params.personId } } }),
);
