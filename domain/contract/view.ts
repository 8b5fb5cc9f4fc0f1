import type { DomainEvent } from '../../events/catalog';
import type { ContractCreated } from '../../events/contract';
import type { Due, Projection } from '../projection';
import { CONTRACT_CATEGORY } from './decider';

/** The staff read model of one contract. */
export interface ContractView extends ContractCreated {
  status: 'active' | 'expired';
  createdAt: string;
  expiredAt?: string;
}

export const CONTRACT_EXPIRY = 'contract-expiry';

export const contractProjection: Projection<ContractView> = {
  category: CONTRACT_CATEGORY,
  evolve(view, event: DomainEvent) {
    switch (event.type) {
      case 'ContractCreated':
        return { ...event.payload, status: 'active', createdAt: event.occurredAt };
      case 'ContractExpired':
        if (!view) throw new Error(`ContractExpired before ContractCreated in ${event.streamId}`);
        return { ...view, status: 'expired', expiredAt: event.payload.expiredAt };
      default:
        return view as ContractView;
    }
  },
  due(view): Due[] {
    return view.status === 'active' ? [{ kind: CONTRACT_EXPIRY, at: view.endsAt }] : [];
  },
};
