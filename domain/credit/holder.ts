import type { BillTo } from '../../events/credit';
import type { Licence } from '../../events/contract';
import type { Contract } from '../contract/state';
import type { ContractView } from '../contract/view';

/**
 * What the credit account needs to know of its contract: who is billed, the plan, region and
 * add-ons (the grant and the rates), the licence (the credit table's threshold and scope), the
 * latest term (the contract years) and whether the contract still runs.
 */
export interface CreditHolder {
  contractId: string;
  billTo: BillTo;
  planId: string;
  regionId: string;
  timeZone: string;
  addOnIds: string[];
  licence?: Licence;
  cancelled: boolean;
  /** The latest term granted (absent until activated). */
  term?: { termStartsOn: string; termEndsOn: string; termStartsAt: string; termEndsAt: string };
}

const billTo = (customerId: string, country: string | undefined): BillTo => ({ customerId, ...(country ? { country } : {}) });

/** The holder from the contract's folded state (command handlers). */
export const holderOfState = (contract: Contract): CreditHolder => ({
  contractId: contract.contractId,
  billTo: billTo(contract.customerId, contract.country),
  planId: contract.planId,
  regionId: contract.regionId,
  timeZone: contract.timeZone,
  addOnIds: contract.addOns.map((a) => a.addOnId),
  ...(contract.licence ? { licence: contract.licence } : {}),
  cancelled: contract.status === 'cancelled',
  ...(contract.term ? { term: contract.term } : {}),
});

/** The holder from the contract's view (the notifier, reading views). */
export const holderOfView = (view: ContractView): CreditHolder => ({
  contractId: view.contractId,
  billTo: billTo(view.customer.customerId ?? view.contractId, view.customer.country),
  planId: view.planId,
  regionId: view.regionId,
  timeZone: view.customer.timeZone,
  addOnIds: view.addOns.map((a) => a.addOnId),
  ...(view.licence ? { licence: view.licence } : {}),
  cancelled: view.status === 'cancelled',
  ...(view.termStartsOn && view.termEndsOn && view.termStartsAt && view.termEndsAt
    ? { term: { termStartsOn: view.termStartsOn, termEndsOn: view.termEndsOn, termStartsAt: view.termStartsAt, termEndsAt: view.termEndsAt } }
    : {}),
});
