import { ContractIdParams } from './contract-id';
import { contractViewFor } from './contract-view';
import { route } from './route';

/** GET /v1/contracts/{id}: the contract as projected into the read model. */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'billing', 'dpo', 'agent-l0'], params: ContractIdParams },
  async ({ params, caller }) => {
    const stored = await contractViewFor(params.id, caller!);
    return { status: 200, body: { ...stored.view, version: stored.version } };
  },
);
