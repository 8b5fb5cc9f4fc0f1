import * as z from 'zod';
import { LicencePackages } from './contract-bodies';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';

/**
 * PUT /v1/contracts/{id}/licence-packages: sets how many licence packages the contract holds (plans
 * priced per package charge each from the next term). Setting the number it already holds changes
 * nothing and answers `changed: false`.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1', 'agent-l0'], params: ContractIdParams, body: z.strictObject({ licencePackages: LicencePackages }), idempotency: 'optional' },
  ({ params, body }) => ({ type: 'ChangeLicencePackages', contractId: params.id, licencePackages: body.licencePackages }),
  (events, { params, body }) => ({ status: 200, body: { contractId: params.id, licencePackages: body.licencePackages, changed: events.length > 0 } }),
);
