import type { ContractView } from '../../../domain/contract/view';
import type { Message } from '../message';

/** Formats dates and instants for the customer, in their language. */
export interface Formatters {
  date(isoDate: string): string;
  instant(iso: string, timeZone: string): string;
}

/** A contract with a term: every mailed event comes after the activation. */
export type MailedContract = ContractView & Required<Pick<ContractView, 'termStartsOn' | 'termEndsOn' | 'termStartsAt' | 'termEndsAt'>>;

/**
 * One locale's customer e-mails: a function per event type that mails the customer, given the
 * contract as it is after that event. Adding a language is adding a file that satisfies this
 * type and naming it in `index.ts`; the compiler then checks no e-mail is missing.
 */
export interface Templates {
  ContractActivated(contract: MailedContract, f: Formatters): Message;
  ContractExpired(contract: MailedContract, f: Formatters): Message;
}
