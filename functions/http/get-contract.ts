import { streamId } from '../../events/envelope';
import { CONTRACT_CATEGORY } from '../../domain/contract/decider';
import type { ContractView } from '../../domain/contract/view';
import { NotFoundError } from '../../domain/errors';
import { viewStore } from '../runtime/views';
import { assertMayAccessDistributor } from './auth';
import { ContractIdParams } from './contract-id';
import { route } from './route';

/** GET /v1/contracts/{id}: the contract as projected into the read model. */
export const handler = route(
  { roles: ['admin', 'agent-l1', 'billing', 'dpo', 'agent-l0'], params: ContractIdParams },
  async ({ params, caller }) => {
    const stored = await viewStore().get<ContractView>(streamId(CONTRACT_CATEGORY, params.id));
    if (!stored) throw new NotFoundError(`No contract ${params.id}.`);
    assertMayAccessDistributor(caller!, stored.view.distributorId);
    return { status: 200, body: { ...stored.view, version: stored.version } };
  },
);
