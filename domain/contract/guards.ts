import { NotFoundError, ConflictError } from '../errors';
import type { Contract, ContractState, ContractStatus } from './state';

/** The contract a command is about; an unknown contract is a 404. */
export function existing(state: ContractState): Contract {
  if (state.status === 'none') throw new NotFoundError('No such contract.');
  return state;
}

const why: Record<ContractStatus, string> = {
  ordered: 'is ordered but not yet activated',
  active: 'is active',
  expired: 'has expired; renew it first',
  lapsed: 'has lapsed; renew it first',
  cancelled: 'was cancelled',
};

/** Refuses unless the contract is in one of `allowed`, saying why in words. */
export function inStatus(contract: Contract, allowed: readonly ContractStatus[], what: string): void {
  if (!allowed.includes(contract.status))
    throw new ConflictError(`contract_${contract.status}`, `Cannot ${what}: contract ${contract.contractId} ${why[contract.status]}.`);
}
