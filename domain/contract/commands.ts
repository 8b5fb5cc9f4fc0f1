import type { Licence, Locale, OrderedAddOn, RegisteredPerson } from '../../events/contract';
import type { Money } from '../catalog/money';

export type OrderChannel = 'website' | 'staff';

/** An order as the website form or staff place it; the catalog checks every field. */
export interface PlaceOrder {
  type: 'PlaceOrder';
  contractId: string;
  channel: OrderChannel;
  customer: {
    name: string;
    email: string;
    locale: Locale;
    /** IANA zone the term is computed in; the catalog's default when absent. */
    timeZone?: string;
    taxId?: string;
    /** A catalog customer segment (e.g. clinical customers). */
    segment?: string;
    /** Groups the customer's contracts in the ledger; the contract's id when absent. */
    customerId?: string;
    /** ISO 3166-1 alpha-2, whose VAT applies; the region's country when absent. */
    country?: string;
  };
  /** The sales region; the catalog's first region that prices the plan when absent. */
  regionId?: string;
  planId: string;
  termMonths: number;
  /** The first day of the term, a calendar date in the customer's zone. */
  startsOn: string;
  /** Licence packages held (default 1); plans priced per licence package charge each. */
  licencePackages?: number;
  addOns?: OrderedAddOn[];
  registeredPersons?: RegisteredPerson[];
  /** Serial numbers of the covered devices. */
  serialNumbers?: string[];
  distributorId?: string;
  /** The licence supported, where the credit depends on it (annual rent, main modules). */
  licence?: Licence;
}

/** The staff route's command: an order placed and activated in one decision. */
export interface CreateContract {
  type: 'CreateContract';
  contractId: string;
  customer: { name: string; email: string; locale: Locale; taxId?: string; customerId?: string; country?: string };
  planId: string;
  /** The first day of the term, a calendar date in `timeZone`. */
  startsOn: string;
  termMonths: number;
  /** IANA zone the term is computed in; the catalog's default when absent. */
  timeZone?: string;
  /** The distributor (level-0 partner) serving this customer, if any. */
  distributorId?: string;
  regionId?: string;
  licencePackages?: number;
  serialNumbers?: string[];
  addOns?: OrderedAddOn[];
  registeredPersons?: RegisteredPerson[];
  licence?: Licence;
}

/** Starts the ordered term (from `startsOn` in the contract's zone). */
export interface Activate {
  type: 'Activate';
  contractId: string;
}

export interface AddAddOn extends OrderedAddOn {
  type: 'AddAddOn';
  contractId: string;
}

export interface RemoveAddOn {
  type: 'RemoveAddOn';
  contractId: string;
  addOnId: string;
}

export interface AddRegisteredPerson extends RegisteredPerson {
  type: 'AddRegisteredPerson';
  contractId: string;
}

export interface RemoveRegisteredPerson {
  type: 'RemoveRegisteredPerson';
  contractId: string;
  personId: string;
}

/** Records the licence the credit depends on (a new rent, other main modules). */
export interface ChangeLicence {
  type: 'ChangeLicence';
  contractId: string;
  licence: Licence;
}

export interface ChangeLicencePackages {
  type: 'ChangeLicencePackages';
  contractId: string;
  licencePackages: number;
}

export interface RequestRenewal {
  type: 'RequestRenewal';
  contractId: string;
  channel: OrderChannel;
}

/** A reminder `offsetDays` before the term ends (one of the catalog's offsets), once per term and offset. */
export interface SendRenewalReminder {
  type: 'SendRenewalReminder';
  contractId: string;
  offsetDays: number;
}

/**
 * The sweeper's reminder: the latest catalog offset that has come due and is not yet sent (nor
 * passed by a later one), at most one per call. A contract ordered late gets one reminder, not one
 * per missed offset; a repeat, or a call when nothing is due, appends nothing.
 */
export interface SendDueRenewalReminder {
  type: 'SendDueRenewalReminder';
  contractId: string;
}

/** Renews for the next term, on time, in grace, or reinstated with the late-renewal fee. */
export interface Renew {
  type: 'Renew';
  contractId: string;
}

/**
 * Records a payment towards the reactivation fee still owed from the latest reinstatement. Part
 * payments are allowed; a repeat of the same `reference` records nothing.
 */
export interface PayReactivationFee {
  type: 'PayReactivationFee';
  contractId: string;
  paid: Money;
  /** The payer's or the bank's reference for this payment. */
  reference: string;
}

export interface ExpireContract {
  type: 'ExpireContract';
  contractId: string;
}

export interface LapseContract {
  type: 'LapseContract';
  contractId: string;
}

export interface Cancel {
  type: 'Cancel';
  contractId: string;
  reason: string;
}

/** Corrects the customer's details on file (rectification); at least one of name, tax id, locale. */
export interface CorrectCustomer {
  type: 'CorrectCustomer';
  contractId: string;
  name?: string;
  taxId?: string;
  locale?: Locale;
  reason?: string;
}

export interface ScheduleSystemReview {
  type: 'ScheduleSystemReview';
  contractId: string;
}

export type ContractCommand =
  | PlaceOrder
  | CreateContract
  | Activate
  | AddAddOn
  | RemoveAddOn
  | AddRegisteredPerson
  | RemoveRegisteredPerson
  | ChangeLicencePackages
  | ChangeLicence
  | RequestRenewal
  | SendRenewalReminder
  | SendDueRenewalReminder
  | Renew
  | PayReactivationFee
  | ExpireContract
  | LapseContract
  | Cancel
  | CorrectCustomer
  | ScheduleSystemReview;
