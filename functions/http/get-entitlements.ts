import * as z from 'zod';
import { agreementOf, entitlementsAt } from '../../domain/contract/entitlements';
import { activeCatalog } from '../runtime/catalog';
import { ContractIdParams } from './contract-id';
import { contractViewFor } from './contract-view';
import { route } from './route';

const Query = z.strictObject({ at: z.iso.datetime({ offset: true }).optional() });

/**
 * GET /v1/contracts/{id}/entitlements?at=…: which channels and services the contract covers at
 * an instant (default: now), and for each one it does not cover, why.
 */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'billing', 'dpo', 'agent-l0'], params: ContractIdParams, query: Query },
  async ({ params, query, caller, now }) => {
    const { view: contract } = await contractViewFor(params.id, caller!);
    const answer = entitlementsAt({
      catalog: activeCatalog(),
      agreement: agreementOf(contract),
      at: new Date(query.at ?? now).toISOString(),
    });
    return { status: 200, body: { contractId: params.id, ...answer } };
  },
);
