import { ulid } from 'ulid';
import { PersonBody } from './contract-bodies';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';
import { decidedPayload } from './decided-event';

/**
 * POST /v1/contracts/{id}/registered-persons: registers a person on the contract's seats (e.g.
 * Support+). 409 no_seat when the held add-ons have no seat left for them, with the reason.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: PersonBody, idempotency: 'optional' },
  ({ params, body }) => ({ type: 'AddRegisteredPerson', contractId: params.id, personId: ulid(), ...body }),
  (events, { params }) => {
    const added = decidedPayload(events, 'RegisteredPersonAdded');
    if (!added) throw new Error(`AddRegisteredPerson decided no RegisteredPersonAdded for ${params.id}`);
    const { contractId: _, ...person } = added;
    return { status: 201, body: { contractId: params.id, person }, headers: { location: `/v1/contracts/${params.id}/registered-persons/${person.personId}` } };
  },
);
