import type { Catalog } from '../catalog/schema';
import type { Decider } from '../decider';
import type { ContractCommand } from './commands';
import { decide } from './decide';
import { evolve, initialState, type ContractState } from './state';

export const CONTRACT_CATEGORY = 'contract';

export const contractDecider: Decider<ContractCommand, ContractState, Catalog> = { initialState, evolve, decide };
