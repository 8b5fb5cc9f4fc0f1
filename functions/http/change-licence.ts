import * as z from 'zod';
import { LicenceBody } from './contract-bodies';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';

/**
 * PUT /v1/contracts/{id}/licence: records the licence the support-time credit depends on (annual
 * rent, main modules); contract years opened from now on follow it. The licence it already has
 * changes nothing and answers `changed: false`.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing', 'agent-l1'], params: ContractIdParams, body: z.strictObject({ licence: LicenceBody }), idempotency: 'optional' },
  ({ params, body }) => ({ type: 'ChangeLicence', contractId: params.id, licence: body.licence }),
  (events, { params, body }) => ({ status: 200, body: { contractId: params.id, licence: body.licence, changed: events.length > 0 } }),
);
