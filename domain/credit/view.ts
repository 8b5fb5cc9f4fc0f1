import type { DomainEvent } from '../../events/catalog';
import type { BillTo } from '../../events/credit';
import type { Due, Projection } from '../projection';
import { CREDIT_CATEGORY } from './decider';
import { evolve, type ClosedYear, type OpenYear } from './state';

/** The read model of a contract's credit: the open year and the closed ones (entries stay in the stream). */
export interface CreditView {
  contractId: string;
  billTo?: BillTo;
  open?: OpenYear;
  closed: ClosedYear[];
  /** When work was last logged or corrected. */
  lastWorkAt?: string;
}

/** The due-index kind of the daily credit-year sweep. */
export const CREDIT_YEAR = 'credit-year';

function evolveView(view: CreditView | undefined, event: DomainEvent): CreditView {
  const { entries: _, contractId, ...state } = evolve({ closed: view?.closed ?? [], entries: [], ...(view?.open ? { open: view.open } : {}) }, event);
  const payload = event.payload as { contractId?: string; billTo?: BillTo };
  const billTo = payload.billTo ?? view?.billTo;
  const worked = event.type === 'WorkLogged' || event.type === 'WorkLogCorrected';
  const lastWorkAt = worked ? event.occurredAt : view?.lastWorkAt;
  return {
    contractId: contractId ?? view?.contractId ?? payload.contractId ?? '',
    ...(billTo ? { billTo } : {}),
    ...state,
    ...(lastWorkAt ? { lastWorkAt } : {}),
  };
}

export const creditProjection: Projection<CreditView> = {
  category: CREDIT_CATEGORY,
  evolve: evolveView,
  due: (view): Due[] => (view.open ? [{ kind: CREDIT_YEAR, at: view.open.year.endsAt }] : []),
};
