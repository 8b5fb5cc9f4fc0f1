import * as z from 'zod';
import { ContractIdParams } from './contract-id';
import { contractCommandRoute } from './contract-command';

/**
 * POST /v1/contracts/{id}/cancellation: cancels a contract (ordered, active, expired or lapsed)
 * with a reason. A cancelled contract is not renewed: the customer orders anew.
 */
export const handler = contractCommandRoute(
  { roles: ['admin', 'billing'], params: ContractIdParams, body: z.strictObject({ reason: z.string().trim().min(1).max(1000) }), idempotency: 'optional' },
  ({ params, body }) => ({ type: 'Cancel', contractId: params.id, reason: body.reason }),
  (_events, { params, body }) => ({ status: 200, body: { contractId: params.id, status: 'cancelled', reason: body.reason } }),
);
