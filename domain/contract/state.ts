import type { DomainEvent } from '../../events/catalog';

export type ContractState =
  | { status: 'none' }
  | { status: 'active' | 'expired'; contractId: string; endsAt: string; distributorId?: string };

export const initialState: ContractState = { status: 'none' };

export function evolve(state: ContractState, event: DomainEvent): ContractState {
  switch (event.type) {
    case 'ContractCreated': {
      const { contractId, endsAt, distributorId } = event.payload;
      return { status: 'active', contractId, endsAt, distributorId };
    }
    case 'ContractExpired':
      return state.status === 'none' ? state : { ...state, status: 'expired' };
    default:
      return state;
  }
}
