import type { ContractView } from '../../../domain/contract/view';
import type { PayloadOf } from '../../../events/catalog';
import type { MoneyPayload } from '../../../events/contract';
import type { Message } from '../message';

/** Formats dates, instants and money for the customer, in their language. */
export interface Formatters {
  date(isoDate: string): string;
  instant(iso: string, timeZone: string): string;
  /** A calendar month (`YYYY-MM`): "February 2026". */
  month(yearMonth: string): string;
  /** A percentage (8.1 → "8.1%", "8,1 %"). */
  percent(percent: number): string;
  /** Integer minor units in the currency's notation for the customer's locale ("1 234,50 €"). */
  money(money: MoneyPayload): string;
}

/** A contract with a term: every mailed event but the order comes after the activation. */
export type MailedContract = ContractView & Required<Pick<ContractView, 'termStartsOn' | 'termEndsOn' | 'termStartsAt' | 'termEndsAt'>>;

/** Mailed events that may come before the contract has a term (the order-received mail; cancelling an order never activated). */
export type TermlessType = 'ContractOrdered' | 'ContractCancelled';

/** The contract a template of `T` is given: with a term, except for the mails sent before activation. */
export type ContractFor<T extends MailedType> = T extends TermlessType ? ContractView : MailedContract;

/**
 * The event a mail is about: its own facts (the reminder's offset, the renewed term and price, the
 * fee's lines) come from here, never from the view, which may already have moved on.
 */
export interface MailedEvent<T extends MailedType> {
  payload: PayloadOf<T>;
  occurredAt: string;
}

export type Template<T extends MailedType> = (contract: ContractFor<T>, f: Formatters, event: MailedEvent<T>) => Message;

/** The event types that mail the customer. */
export type MailedType =
  | 'ContractOrdered'
  | 'RenewalRequested'
  | 'ContractActivated'
  | 'ContractExpired'
  | 'RenewalReminded'
  | 'ContractLapsed'
  | 'ContractRenewed'
  | 'ContractReinstated'
  | 'ReactivationFeePaid'
  | 'ContractCancelled'
  | 'SystemReviewDue';

/**
 * One locale's customer e-mails: a function per event type that mails the customer, given the
 * contract's view (as it is at or after that event) and the event. Adding a language is adding a
 * file that satisfies this type and naming it in `index.ts`; the compiler then checks no e-mail
 * is missing.
 */
export type Templates = { [T in MailedType]: Template<T> };

/** One line of a reinstatement fee, as the event carries it. */
export type FeeLine = PayloadOf<'ContractReinstated'>['lines'][number];

/** One line of an order quote, as the event carries it. */
export type OrderLine = PayloadOf<'ContractOrdered'>['quote']['lines'][number];
