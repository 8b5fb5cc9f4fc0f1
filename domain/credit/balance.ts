import type { CreditYear } from '../../events/credit';
import type { Catalog } from '../catalog/schema/catalog';
import { applyDecided, catchUp } from './catch-up';
import type { CreditHolder } from './holder';
import { creditLeft, grantedMinutes, initialState, type ClosedYear, type CreditState } from './state';

/** The credit as it stands at an instant: the current contract year's grant, use and balance, and earlier years. */
export interface CreditBalance {
  contractId: string;
  at: string;
  /** Absent outside a term (no credit then). */
  year?: CreditYear;
  includedMinutes: number;
  addOnMinutes: number;
  grantedMinutes: number;
  usedMinutes: number;
  leftMinutes: number;
  /** The activities (catalog services) the credit pays for. */
  covers: string[];
  noCreditReason?: string;
  closedYears: ClosedYear[];
}

/**
 * The balance at `now` from what the account has recorded (state or view), brought up to `now`
 * without writing: a year that has ended counts as closed, and a year not yet opened shows its grant.
 */
export function balanceAt(catalog: Catalog, holder: CreditHolder, recorded: Pick<CreditState, 'open' | 'closed'> | undefined, now: string): CreditBalance {
  const base: CreditState = { ...initialState, ...(recorded?.open ? { open: recorded.open } : {}), closed: recorded?.closed ?? [] };
  const state = applyDecided(base, catchUp(base, holder, catalog, now));
  const open = state.open;
  return {
    contractId: holder.contractId,
    at: now,
    ...(open ? { year: open.year } : {}),
    includedMinutes: open?.includedMinutes ?? 0,
    addOnMinutes: open?.addOnMinutes ?? 0,
    grantedMinutes: open ? grantedMinutes(open) : 0,
    usedMinutes: open?.used ?? 0,
    leftMinutes: open ? creditLeft(open) : 0,
    covers: open?.covers ?? [],
    ...(open?.noCreditReason ? { noCreditReason: open.noCreditReason } : !open ? { noCreditReason: 'No contract year runs at this time (no active term).' } : {}),
    closedYears: state.closed,
  };
}
