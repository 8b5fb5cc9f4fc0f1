import type { WorkEntry } from '../../events/credit';
import type { CreditHolder } from './holder';

/** Every credit command carries its contract's facts, read by the handler from the contract's stream. */
interface OnAccount {
  holder: CreditHolder;
}

/** An agent logs work on a ticket of the contract. */
export interface LogWork extends OnAccount {
  type: 'LogWork';
  ticketId: string;
  entryId: string;
  performedAt: string;
  entry: WorkEntry;
}

/** A correction of an entry: its case is re-booked, never edited. */
export interface CorrectWorkLog extends OnAccount {
  type: 'CorrectWorkLog';
  ticketId: string;
  entryId: string;
  correction: WorkEntry;
  reason: string;
}

/** The daily sweep: closes a year that has ended and opens the current one. */
export interface RollOverCredit extends OnAccount {
  type: 'RollOverCredit';
}

/** The customer asks for the balance (website form) or staff send it. */
export interface RequestCreditBalance extends OnAccount {
  type: 'RequestCreditBalance';
  channel: 'website' | 'staff';
}

export type CreditCommand = LogWork | CorrectWorkLog | RollOverCredit | RequestCreditBalance;
