import * as z from 'zod';
import { entitlementsAt } from '../../domain/contract/entitlements';
import { dayStart } from '../../domain/contract/term';
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
    const timeZone = contract.customer.timeZone;
    const answer = entitlementsAt({
      catalog: activeCatalog(),
      agreement: {
        planId: contract.planId,
        addOnIds: contract.addOns.map((a) => a.addOnId),
        status: contract.status,
        // Coverage is unbroken from the first (or reinstated) term's start; an order not yet activated covers from its start date.
        termStartsAt: contract.coveredSince ?? dayStart(contract.startsOn, timeZone),
        termEndsAt: contract.termEndsAt ?? dayStart(contract.startsOn, timeZone),
        timeZone,
        ...(contract.feeOutstanding ? { feeOutstanding: contract.feeOutstanding } : {}),
      },
      at: new Date(query.at ?? now).toISOString(),
    });
    return { status: 200, body: { contractId: params.id, ...answer } };
  },
);
