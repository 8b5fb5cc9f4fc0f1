import type { Locale } from '../../events/contract';

export interface CreateContract {
  type: 'CreateContract';
  contractId: string;
  customer: { name: string; email: string; locale: Locale };
  planId: string;
  /** The first day of the term, a calendar date in `timeZone`. */
  startsOn: string;
  termMonths: number;
  /** IANA zone the term is computed in; the catalog's default when absent. */
  timeZone?: string;
  /** The distributor (level-0 partner) serving this customer, if any. */
  distributorId?: string;
}

export interface ExpireContract {
  type: 'ExpireContract';
  contractId: string;
}

export type ContractCommand = CreateContract | ExpireContract;
