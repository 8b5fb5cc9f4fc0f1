import type { DomainEvent } from '../../events/catalog';
import type { Licence, OrderedAddOn, RegisteredPerson } from '../../events/contract';
import type { Money } from '../catalog/money';

export interface Term {
  termStartsOn: string;
  termEndsOn: string;
  termStartsAt: string;
  termEndsAt: string;
}

export type ContractStatus = 'ordered' | 'active' | 'expired' | 'lapsed' | 'cancelled';

export interface Contract {
  status: ContractStatus;
  contractId: string;
  /** The customer the contract is billed to (older orders: the contract's own id). */
  customerId: string;
  /** Whose VAT applies (ISO 3166-1 alpha-2), when known. */
  country?: string;
  /** The licence supported, where credit depends on it. */
  licence?: Licence;
  planId: string;
  regionId: string;
  termMonths: number;
  startsOn: string;
  timeZone: string;
  segment?: string;
  distributorId?: string;
  licencePackages: number;
  addOns: OrderedAddOn[];
  persons: RegisteredPerson[];
  /** The latest term granted (absent until activated). */
  term?: Term;
  /** The first day of the first term: system reviews count from it. */
  firstTermStartsOn?: string;
  /** Reminder offsets already sent for the current term. */
  remindedOffsets: number[];
  /** A renewal was requested during the current term. */
  renewalRequested: boolean;
  /** System-review due dates already announced. */
  reviewsDue: string[];
  /** What is still owed of the latest reinstatement's fee (absent when nothing is). */
  feeOutstanding?: Money;
  /** References of the payments recorded towards that fee. */
  feeReferences: string[];
}

export type ContractState = { status: 'none' } | Contract;

export const initialState: ContractState = { status: 'none' };

const newTerm = (state: Contract, term: Term, status: ContractStatus): Contract => ({
  ...state,
  status,
  term: { termStartsOn: term.termStartsOn, termEndsOn: term.termEndsOn, termStartsAt: term.termStartsAt, termEndsAt: term.termEndsAt },
  remindedOffsets: [],
  renewalRequested: false,
});

/** `feeOutstanding` when something is owed. */
const owing = (outstanding: Money): { feeOutstanding?: Money } => (outstanding.amount > 0 ? { feeOutstanding: outstanding } : {});

export function evolve(state: ContractState, event: DomainEvent): ContractState {
  if (event.type === 'ContractOrdered') {
    const p = event.payload;
    return {
      status: 'ordered',
      contractId: p.contractId,
      customerId: p.customer.customerId ?? p.contractId,
      ...(p.customer.country ? { country: p.customer.country } : {}),
      ...(p.licence ? { licence: p.licence } : {}),
      planId: p.planId,
      regionId: p.regionId,
      termMonths: p.termMonths,
      startsOn: p.startsOn,
      timeZone: p.customer.timeZone,
      ...(p.customer.segment ? { segment: p.customer.segment } : {}),
      ...(p.distributorId ? { distributorId: p.distributorId } : {}),
      licencePackages: p.licencePackages,
      addOns: p.addOns,
      persons: p.registeredPersons,
      remindedOffsets: [],
      renewalRequested: false,
      reviewsDue: [],
      feeReferences: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ContractActivated':
      return { ...newTerm(state, event.payload, 'active'), firstTermStartsOn: state.firstTermStartsOn ?? event.payload.termStartsOn };
    case 'AddOnAdded': {
      const { contractId: _, charge: __, ...addOn } = event.payload;
      return { ...state, addOns: [...state.addOns, addOn] };
    }
    case 'AddOnRemoved':
      return { ...state, addOns: state.addOns.filter((a) => a.addOnId !== event.payload.addOnId) };
    case 'RegisteredPersonAdded': {
      const { contractId: _, charge: __, ...person } = event.payload;
      return { ...state, persons: [...state.persons, person] };
    }
    case 'RegisteredPersonRemoved':
      return { ...state, persons: state.persons.filter((p) => p.personId !== event.payload.personId) };
    case 'LicenceChanged':
      return { ...state, licence: event.payload.licence };
    case 'LicencePackagesChanged':
      return { ...state, licencePackages: event.payload.to };
    case 'RenewalRequested':
      return { ...state, renewalRequested: true };
    case 'RenewalReminded':
      return { ...state, remindedOffsets: [...state.remindedOffsets, event.payload.offsetDays] };
    case 'ContractRenewed':
      return newTerm(state, event.payload, 'active');
    case 'ContractReinstated': {
      const { feeOutstanding: _, ...rest } = newTerm(state, event.payload, 'active');
      return { ...rest, feeReferences: [], ...owing(event.payload.total) };
    }
    case 'ReactivationFeePaid': {
      const { feeOutstanding: _, ...rest } = state;
      return { ...rest, feeReferences: [...state.feeReferences, event.payload.reference], ...owing(event.payload.outstanding) };
    }
    case 'ContractExpired':
      return { ...state, status: 'expired' };
    case 'ContractLapsed':
      return { ...state, status: 'lapsed' };
    case 'ContractCancelled':
      return { ...state, status: 'cancelled' };
    case 'SystemReviewDue':
      return { ...state, reviewsDue: [...state.reviewsDue, event.payload.dueOn] };
    default:
      return state;
  }
}
